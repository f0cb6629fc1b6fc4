/**
 * The caller's own identity and scope, and the staff directory (who serves which agency) for colleague pickers.
 */
@NullMarked
package org.otklik.account;

import org.jspecify.annotations.NullMarked;
