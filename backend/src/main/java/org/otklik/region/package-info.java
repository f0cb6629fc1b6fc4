/**
 * The region's classifiers: categories and municipalities.
 */
@NullMarked
package org.otklik.region;

import org.jspecify.annotations.NullMarked;
