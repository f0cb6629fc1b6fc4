/**
 * Russian stemming shared by search and the coach.
 */
@NullMarked
package org.otklik.text;

import org.jspecify.annotations.NullMarked;
