/**
 * The region's classifiers (categories, municipalities) and its review settings.
 */
@NullMarked
package org.otklik.region;

import org.jspecify.annotations.NullMarked;
