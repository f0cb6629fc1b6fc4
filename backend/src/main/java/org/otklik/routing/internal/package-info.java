/**
 * Routing's internals: the models, rules, data files' parsers, storage and the event consumer.
 */
@NullMarked
package org.otklik.routing.internal;

import org.jspecify.annotations.NullMarked;
