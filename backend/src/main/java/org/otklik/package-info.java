/**
 * The Otklik application: wiring shared by every module.
 */
@NullMarked
package org.otklik;

import org.jspecify.annotations.NullMarked;
