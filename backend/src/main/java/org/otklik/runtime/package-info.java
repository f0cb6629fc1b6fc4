/**
 * The process itself: giving memory back once start-up work is done.
 */
@NullMarked
package org.otklik.runtime;

import org.jspecify.annotations.NullMarked;
