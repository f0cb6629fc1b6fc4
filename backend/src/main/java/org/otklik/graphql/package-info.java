/**
 * Shared GraphQL plumbing: user errors, error classification, scalars, cursors and limits.
 */
@NullMarked
package org.otklik.graphql;

import org.jspecify.annotations.NullMarked;
