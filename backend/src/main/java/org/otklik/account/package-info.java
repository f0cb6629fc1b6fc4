/**
 * The caller's own identity and scope.
 */
@NullMarked
package org.otklik.account;

import org.jspecify.annotations.NullMarked;
