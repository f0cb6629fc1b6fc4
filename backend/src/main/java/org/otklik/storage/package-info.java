/**
 * The embedded MongoDB wire server of the zero-install default, and the storage health check.
 */
@NullMarked
package org.otklik.storage;

import org.jspecify.annotations.NullMarked;
