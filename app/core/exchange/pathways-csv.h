/* pathways-csv.h — reading and writing the CSV files councils exchange
 *
 * The reader sits on libcsv: quoting, embedded newlines, CRLF, a byte
 * order mark, trailing blank lines and ragged rows.  Input is UTF-8 when
 * it is valid UTF-8 and Windows-1252 otherwise (what Excel writes on a
 * council desktop).  Rows reach a callback one at a time, numbered as a
 * spreadsheet numbers them (the header is row 1; a value with a newline
 * inside quotes does not start a new row; a blank line is a row).
 *
 * Everything is bounded: the file's size, a field's length and the
 * number of rows; past a bound the reader stops with an error that says
 * which file, row and column, never a crash or a hang.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PATHWAYS_CSV_ERROR (pathways_csv_error_quark ())

typedef enum {
  PATHWAYS_CSV_ERROR_IO,
  PATHWAYS_CSV_ERROR_ENCODING,
  PATHWAYS_CSV_ERROR_TOO_BIG,
  PATHWAYS_CSV_ERROR_FIELD_TOO_LONG,
  PATHWAYS_CSV_ERROR_TOO_MANY_ROWS,
  PATHWAYS_CSV_ERROR_TOO_MANY_COLUMNS,
  PATHWAYS_CSV_ERROR_UNCLOSED_QUOTE,
  PATHWAYS_CSV_ERROR_EMPTY,
} PathwaysCsvError;

typedef enum {
  PATHWAYS_CSV_ENCODING_UTF8,
  PATHWAYS_CSV_ENCODING_WINDOWS_1252,
} PathwaysCsvEncoding;

typedef struct {
  gsize max_file_size;     /* bytes; 0 = default (256 MiB) */
  gsize max_field_length;  /* bytes of one value; 0 = default (32 KiB) */
  guint max_rows;          /* including the header; 0 = default (2,000,000) */
  guint max_columns;       /* 0 = default (512) */
} PathwaysCsvLimits;

typedef struct {
  const char         *file;      /* the name shown to people (the file's base name) */
  guint               row;       /* as a spreadsheet counts: the header is row 1 */
  guint               n_fields;
  const char * const *fields;    /* UTF-8, NUL-terminated, surrounding spaces kept */
} PathwaysCsvRow;

/* Return FALSE (with @error set) to stop reading. */
typedef gboolean (*PathwaysCsvRowFunc) (const PathwaysCsvRow  *row,
                                        gpointer               user_data,
                                        GError               **error);

GQuark    pathways_csv_error_quark   (void);

gboolean  pathways_csv_parse_bytes   (const char               *name,
                                      const char               *data,
                                      gsize                     length,
                                      const PathwaysCsvLimits  *limits,
                                      PathwaysCsvRowFunc        func,
                                      gpointer                  user_data,
                                      PathwaysCsvEncoding      *out_encoding,
                                      GCancellable             *cancellable,
                                      GError                  **error);
char     *pathways_csv_read_file     (const char               *path,
                                      const PathwaysCsvLimits  *limits,
                                      gsize                    *out_length,
                                      char                    **out_sha256,
                                      GCancellable             *cancellable,
                                      GError                  **error);
gboolean  pathways_csv_parse_file    (const char               *path,
                                      const PathwaysCsvLimits  *limits,
                                      PathwaysCsvRowFunc        func,
                                      gpointer                  user_data,
                                      PathwaysCsvEncoding      *out_encoding,
                                      GCancellable             *cancellable,
                                      GError                  **error);

void      pathways_csv_append_field  (GString                  *out,
                                      const char               *value,
                                      gboolean                  last);
void      pathways_csv_append_row    (GString                  *out,
                                      const char * const       *values,
                                      guint                     n_values);

G_END_DECLS
