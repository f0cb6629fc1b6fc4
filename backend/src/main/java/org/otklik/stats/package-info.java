/**
 * The figures heads are rated on, and the agency ranking, from typed tallies of the appeal module.
 */
@NullMarked
package org.otklik.stats;

import org.jspecify.annotations.NullMarked;
