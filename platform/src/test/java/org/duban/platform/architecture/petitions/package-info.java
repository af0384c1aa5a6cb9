/**
 * A small fake service, {@code petitions}, shaped as the shared structure rules want it, with one feature
 * ({@code order}) using another ({@code reminder}) through its port. Classes marked {@code @DeliberateViolation}
 * each break one rule; the well-shaped service is everything else.
 */
package org.duban.platform.architecture.petitions;
