/**
 * The answer-quality coach: rules against formalism, rudeness, vagueness, templates and redirects.
 */
@NullMarked
package org.otklik.quality;

import org.jspecify.annotations.NullMarked;
