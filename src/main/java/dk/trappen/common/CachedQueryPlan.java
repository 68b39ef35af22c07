package dk.trappen.common;

import jakarta.persistence.QueryHint;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.hibernate.jpa.HibernateHints;
import org.springframework.data.jpa.repository.QueryHints;

/**
 * For a Spring Data derived query method ({@code findBy...}): lets Hibernate cache the query's translation to SQL.
 *
 * <p>Spring Data builds a derived query as a JPA criteria query, and Hibernate 6 translates a criteria query afresh
 * on every call unless the query is marked plan-cacheable. Profiling the benchmark seeder showed a quarter of a
 * deadline lookup's time in that translation ({@code buildCacheableSqmInterpretation}); JPQL {@code @Query} methods
 * are cached anyway and do not need this.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@QueryHints(@QueryHint(name = HibernateHints.HINT_QUERY_PLAN_CACHEABLE, value = "true"))
public @interface CachedQueryPlan {
}
