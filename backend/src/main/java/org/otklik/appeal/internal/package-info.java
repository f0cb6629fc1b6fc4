/**
 * The appeal module's machinery: lifecycle table, the one writer, the change feed, the hub and durable consumers.
 */
@NullMarked
package org.otklik.appeal.internal;

import org.jspecify.annotations.NullMarked;
