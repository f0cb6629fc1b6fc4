/**
 * Appeals: the document, its lifecycle, the typed event stream and the read ports other modules use.
 */
@NullMarked
package org.otklik.appeal;

import org.jspecify.annotations.NullMarked;
