package dk.trappen.documents;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.Getter;
import lombok.Setter;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A document's bytes, in a table of their own: {@code bytea} on PostgreSQL, {@code VARBINARY} on H2, both mapped as
 * {@link SqlTypes#VARBINARY} (a {@code @Lob} would be an {@code oid} on PostgreSQL). Read only to download.
 */
@Entity
@Table(name = "document_content")
@Getter
@Setter
class DocumentContent {
  @Id
  private Long documentId;
  @JdbcTypeCode(SqlTypes.VARBINARY)
  @Column(name = "content", nullable = false)
  private byte[] content;
}
