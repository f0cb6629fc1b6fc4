/**
 * Serving the PWA from the same port as the API.
 */
@NullMarked
package org.otklik.web;

import org.jspecify.annotations.NullMarked;
