/**
 * Agencies: ministries, municipal administrations and organisations that answer appeals.
 */
@NullMarked
package org.otklik.agency;

import org.jspecify.annotations.NullMarked;
