/**
 * The demo region loaded into an empty embedded database.
 */
@NullMarked
package org.otklik.demo;

import org.jspecify.annotations.NullMarked;
