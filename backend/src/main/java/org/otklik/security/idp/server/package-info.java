/**
 * The embedded identity provider's authorization server and login page.
 */
@NullMarked
package org.otklik.security.idp.server;

import org.jspecify.annotations.NullMarked;
