package org.ethoslab.app.labspec;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code published_lab_spec} table: one row per lab version, the spec as the JSON text the contract writes. */
@Repository
class LabSpecStore {

  private final NamedParameterJdbcTemplate jdbc;

  LabSpecStore(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** One stored spec. */
  record Row(String labId, String version, String spec, OffsetDateTime publishedAt, String publishedBy) {
  }

  List<Row> all() {
    return jdbc.query("select lab_id, version, spec, published_at, published_by from published_lab_spec"
            + " order by lab_id, version", new MapSqlParameterSource(),
        (rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class),
            rs.getString(5)));
  }

  /** The stored JSON of one lab version, if any. */
  Optional<String> spec(String labId, String version) {
    return jdbc.queryForList("select spec from published_lab_spec where lab_id = :id and version = :version",
        new MapSqlParameterSource("id", labId).addValue("version", version), String.class).stream().findFirst();
  }

  /**
   * Inserts the lab version or replaces its spec. One MERGE statement (both databases have it), so two runners that
   * publish the same new version at once cannot both insert it.
   */
  void put(String labId, String version, String spec, OffsetDateTime now, String publishedBy) {
    jdbc.update("merge into published_lab_spec t"
            + " using (select cast(:id as varchar(80)) as lab_id, cast(:version as varchar(40)) as version) s"
            + " on t.lab_id = s.lab_id and t.version = s.version"
            + " when matched then update set spec = :spec, published_at = :now, published_by = :by"
            + " when not matched then insert (lab_id, version, spec, published_at, published_by)"
            + " values (:id, :version, :spec, :now, :by)",
        new MapSqlParameterSource("id", labId).addValue("version", version).addValue("spec", spec)
            .addValue("now", now).addValue("by", publishedBy));
  }
}
