/** Storage, rendering and rate limiting of the citizen's page. */
@NullMarked
package org.otklik.citizen.internal;

import org.jspecify.annotations.NullMarked;
