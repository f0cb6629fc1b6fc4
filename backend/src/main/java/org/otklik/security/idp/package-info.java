/**
 * The embedded identity provider of the zero-install default (demo only).
 */
@NullMarked
package org.otklik.security.idp;

import org.jspecify.annotations.NullMarked;
