/**
 * The coach's analysers, dictionaries and checks; private to the quality module.
 */
@NullMarked
package org.otklik.quality.internal;

import org.jspecify.annotations.NullMarked;
