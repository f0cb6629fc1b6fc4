/**
 * Routing suggestions: category (a trained classifier), municipality (a gazetteer), urgency, not-an-appeal
 * and agency for every appeal, computed at intake and on demand, retrained from curators' decisions.
 */
@NullMarked
package org.otklik.routing;

import org.jspecify.annotations.NullMarked;
