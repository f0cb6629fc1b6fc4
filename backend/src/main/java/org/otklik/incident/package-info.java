/**
 * Mass incidents: appeals about one problem in one place within a few days, grouped as they arrive and
 * curated (confirm, merge, split, detach), answered once for every member through the appeal module.
 */
@NullMarked
package org.otklik.incident;

import org.jspecify.annotations.NullMarked;
