/**
 * The citizen's own view of an appeal: a short, unguessable public link to a page with the appeal's status,
 * deadline, published answers and whom to call, and a 1–5 rating of the final answer whose low marks become
 * tasks for curators and whose share of 4–5 feeds the agencies' figures and ranking.
 */
@NullMarked
package org.otklik.citizen;

import org.jspecify.annotations.NullMarked;
