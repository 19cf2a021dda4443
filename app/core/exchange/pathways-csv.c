/* pathways-csv.c — reading and writing the CSV files councils exchange
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-exchange"

#include "config.h"

#include <csv.h>
#include <glib/gi18n.h>
#include <string.h>

#include "pathways-csv.h"

#define DEFAULT_MAX_FILE_SIZE    (256 * 1024 * 1024)
#define DEFAULT_MAX_FIELD_LENGTH (32 * 1024)
#define DEFAULT_MAX_ROWS         2000000
#define DEFAULT_MAX_COLUMNS      512
#define CHUNK                    (64 * 1024)
#define PREVIEW_CHARS            40

typedef struct {
  const char          *name;
  PathwaysCsvLimits    limits;
  PathwaysCsvRowFunc   func;
  gpointer             user_data;

  GString             *buffer;    /* this row's values, each NUL-terminated */
  GArray              *offsets;   /* gsize: where each value starts in buffer */
  GPtrArray           *fields;    /* const char *, rebuilt at the end of each row */
  gboolean             row_has_text;
  guint                row;       /* rows seen so far, blank lines included */
  guint                delivered;
  int                  last_terminator;
  GError              *error;
} Reader;

G_DEFINE_QUARK (pathways-csv-error-quark, pathways_csv_error)

/* Helpers ------------------------------------------------------------------ */

static void
fill_limits (PathwaysCsvLimits       *out,
             const PathwaysCsvLimits *in)
{
  *out = in ? *in : (PathwaysCsvLimits) { 0 };
  if (out->max_file_size == 0)
    out->max_file_size = DEFAULT_MAX_FILE_SIZE;
  if (out->max_field_length == 0)
    out->max_field_length = DEFAULT_MAX_FIELD_LENGTH;
  if (out->max_rows == 0)
    out->max_rows = DEFAULT_MAX_ROWS;
  if (out->max_columns == 0)
    out->max_columns = DEFAULT_MAX_COLUMNS;
}

/* A spreadsheet's column name: 1 → A, 27 → AA */
static void
column_letters (guint  column,
                char   out[8])
{
  char tmp[8];
  int n = 0;

  while (column > 0 && n < 7)
    {
      column--;
      tmp[n++] = (char) ('A' + column % 26);
      column /= 26;
    }
  for (int i = 0; i < n; i++)
    out[i] = tmp[n - 1 - i];
  out[n] = '\0';
}

/* The first characters of a (valid UTF-8) value, for an error message */
static char *
preview (const char *value,
         gsize       length)
{
  const char *end = value;
  guint n = 0;

  while ((gsize) (end - value) < length && n < PREVIEW_CHARS)
    {
      end = g_utf8_next_char (end);
      n++;
    }
  if ((gsize) (end - value) > length)
    end = value + length;
  if ((gsize) (end - value) < length)
    return g_strdup_printf ("%.*s…", (int) (end - value), value);
  return g_strndup (value, length);
}

static guint
row_of_offset (const char *data,
               gsize       offset)
{
  guint row = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      row++;
  return row;
}

/* libcsv callbacks --------------------------------------------------------- */

static void
field_cb (void   *field,
          size_t  length,
          void   *data)
{
  Reader *r = data;
  gsize start;

  if (r->error != NULL)
    return;

  if (r->offsets->len >= r->limits.max_columns)
    {
      g_set_error (&r->error, PATHWAYS_CSV_ERROR, PATHWAYS_CSV_ERROR_TOO_MANY_COLUMNS,
                   /* Translators: "episodes.csv row 3 has more than 512 columns" */
                   _("%s row %u has more than %u columns"), r->name, r->row + 1,
                   r->limits.max_columns);
      return;
    }
  if (length > r->limits.max_field_length)
    {
      g_autofree char *start_text = preview (field, length);
      char letters[8];

      column_letters (r->offsets->len + 1, letters);
      g_set_error (&r->error, PATHWAYS_CSV_ERROR, PATHWAYS_CSV_ERROR_FIELD_TOO_LONG,
                   /* Translators: "header.csv row 7, column C: a value is longer than 32768 bytes (“AAAA…”)" */
                   _("%s row %u, column %s: a value is longer than %u bytes (“%s”)"),
                   r->name, r->row + 1, letters, (guint) MIN (r->limits.max_field_length, G_MAXUINT), start_text);
      return;
    }

  start = r->buffer->len;
  g_array_append_val (r->offsets, start);
  g_string_append_len (r->buffer, field, (gssize) length);
  g_string_append_c (r->buffer, '\0');
  for (size_t i = 0; i < length && !r->row_has_text; i++)
    {
      char c = ((const char *) field)[i];
      if (c != ' ' && c != '\t')
        r->row_has_text = TRUE;
    }
}

static void
row_cb (int   c,
        void *data)
{
  Reader *r = data;
  gboolean empty = r->offsets->len == 0;
  int previous = r->last_terminator;

  r->last_terminator = c;
  if (r->error != NULL)
    return;

  /* The LF of a CRLF that already ended a row */
  if (empty && c == CSV_LF && previous == CSV_CR)
    return;
  /* csv_fini() after a last row that ended with a newline */
  if (empty && c == -1)
    return;

  r->row++;
  if (r->row > r->limits.max_rows)
    {
      g_set_error (&r->error, PATHWAYS_CSV_ERROR, PATHWAYS_CSV_ERROR_TOO_MANY_ROWS,
                   _("%s has more than %u rows"), r->name, r->limits.max_rows);
      return;
    }

  if (r->row_has_text)
    {
      PathwaysCsvRow row;

      g_ptr_array_set_size (r->fields, 0);
      for (guint i = 0; i < r->offsets->len; i++)
        g_ptr_array_add (r->fields, r->buffer->str + g_array_index (r->offsets, gsize, i));
      row.file = r->name;
      row.row = r->row;
      row.n_fields = r->offsets->len;
      row.fields = (const char * const *) r->fields->pdata;
      r->delivered++;
      if (!r->func (&row, r->user_data, &r->error) && r->error == NULL)
        g_set_error_literal (&r->error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Stopped"));
    }

  g_string_truncate (r->buffer, 0);
  g_array_set_size (r->offsets, 0);
  r->row_has_text = FALSE;
}

/* Public API --------------------------------------------------------------- */

/**
 * pathways_csv_parse_bytes:
 * @name: the file's name as shown in messages ("episodes.csv")
 * @func: called for every row that has a value (blank lines and rows of
 *   empty values are counted but not delivered)
 * @out_encoding: (out) (optional): the encoding the data was read as
 *
 * Returns: %TRUE when every row was read and accepted by @func
 */
gboolean
pathways_csv_parse_bytes (const char               *name,
                          const char               *data,
                          gsize                     length,
                          const PathwaysCsvLimits  *limits,
                          PathwaysCsvRowFunc        func,
                          gpointer                  user_data,
                          PathwaysCsvEncoding      *out_encoding,
                          GCancellable             *cancellable,
                          GError                  **error)
{
  g_autofree char *converted = NULL;
  struct csv_parser parser;
  const char *nul;
  Reader r = { 0 };
  gsize done = 0;
  gboolean ok;

  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  fill_limits (&r.limits, limits);
  if (out_encoding)
    *out_encoding = PATHWAYS_CSV_ENCODING_UTF8;

  if (length > r.limits.max_file_size)
    {
      g_set_error (error, PATHWAYS_CSV_ERROR, PATHWAYS_CSV_ERROR_TOO_BIG,
                   _("%s is larger than %u MiB"), name,
                   (guint) MIN (r.limits.max_file_size / (1024 * 1024), G_MAXUINT));
      return FALSE;
    }

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  nul = length > 0 ? memchr (data, '\0', length) : NULL;
  if (nul != NULL)
    {
      g_set_error (error, PATHWAYS_CSV_ERROR, PATHWAYS_CSV_ERROR_ENCODING,
                   _("%s row %u contains a NUL byte: it is not a text file"), name,
                   row_of_offset (data, (gsize) (nul - data)));
      return FALSE;
    }

  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_autoptr(GError) local = NULL;
      gsize read = 0, written = 0;

      converted = g_convert (data, (gssize) length, "UTF-8", "WINDOWS-1252", &read, &written, &local);
      if (converted == NULL)
        {
          g_set_error (error, PATHWAYS_CSV_ERROR, PATHWAYS_CSV_ERROR_ENCODING,
                       /* Translators: "oc3.csv row 12: byte 0x81 is neither UTF-8 nor Windows-1252 text" */
                       _("%s row %u: byte 0x%02X is neither UTF-8 nor Windows-1252 text"), name,
                       row_of_offset (data, MIN (read, length)),
                       read < length ? (guint) (guchar) data[read] : 0u);
          return FALSE;
        }
      data = converted;
      length = written;
      if (out_encoding)
        *out_encoding = PATHWAYS_CSV_ENCODING_WINDOWS_1252;
    }

  r.name = name;
  r.func = func;
  r.user_data = user_data;
  r.buffer = g_string_sized_new (256);
  r.offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  r.fields = g_ptr_array_new ();
  r.last_terminator = 0;

  if (csv_init (&parser, CSV_REPALL_NL | CSV_APPEND_NULL) != 0)
    {
      g_set_error_literal (&r.error, PATHWAYS_CSV_ERROR, PATHWAYS_CSV_ERROR_IO, _("Out of memory"));
      goto out;
    }

  while (done < length && r.error == NULL)
    {
      gsize n = MIN (CHUNK, length - done);

      if (g_cancellable_set_error_if_cancelled (cancellable, &r.error))
        break;
      if (csv_parse (&parser, data + done, n, field_cb, row_cb, &r) != n)
        {
          if (r.error == NULL)
            g_set_error (&r.error, PATHWAYS_CSV_ERROR, PATHWAYS_CSV_ERROR_IO,
                         _("%s row %u: %s"), name, r.row + 1, csv_strerror (csv_error (&parser)));
          break;
        }
      done += n;
    }

  /* libcsv reports an unclosed quote at the end only in its strict mode,
   * which also refuses a stray quote inside a value; stay lenient and
   * look for it here: still inside a quoted value (libcsv 3's FIELD_BEGUN) */
  if (r.error == NULL && parser.quoted && parser.pstate == 2)
    g_set_error (&r.error, PATHWAYS_CSV_ERROR, PATHWAYS_CSV_ERROR_UNCLOSED_QUOTE,
                 /* Translators: "episodes.csv row 40: a quoted value is not closed before the end of the file" */
                 _("%s row %u: a quoted value is not closed before the end of the file"), name,
                 r.row + 1);
  if (r.error == NULL)
    csv_fini (&parser, field_cb, row_cb, &r);
  csv_free (&parser);

  if (r.error == NULL && r.delivered == 0)
    g_set_error (&r.error, PATHWAYS_CSV_ERROR, PATHWAYS_CSV_ERROR_EMPTY, _("%s is empty"), name);

out:
  g_string_free (r.buffer, TRUE);
  g_array_unref (r.offsets);
  g_ptr_array_unref (r.fields);
  ok = r.error == NULL;
  if (!ok)
    g_propagate_error (error, r.error);
  return ok;
}

/**
 * pathways_csv_read_file:
 * @out_sha256: (out) (optional): the SHA-256 of the file's bytes, in hex
 *
 * Reads a whole file, refusing one larger than the limit.
 *
 * Returns: (transfer full): the bytes, NUL-terminated
 */
char *
pathways_csv_read_file (const char               *path,
                        const PathwaysCsvLimits  *limits,
                        gsize                    *out_length,
                        char                    **out_sha256,
                        GCancellable             *cancellable,
                        GError                  **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *display = g_filename_display_basename (path);
  g_autofree char *bytes = NULL;
  PathwaysCsvLimits l;
  goffset size;
  gsize got = 0;

  g_return_val_if_fail (path != NULL, NULL);

  fill_limits (&l, limits);
  in = g_file_read (file, cancellable, error);
  if (in == NULL)
    return NULL;
  info = g_file_input_stream_query_info (in, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, error);
  if (info == NULL)
    return NULL;
  size = g_file_info_get_size (info);
  if (size < 0 || (guint64) size > l.max_file_size)
    {
      g_set_error (error, PATHWAYS_CSV_ERROR, PATHWAYS_CSV_ERROR_TOO_BIG,
                   _("%s is larger than %u MiB"), display,
                   (guint) MIN (l.max_file_size / (1024 * 1024), G_MAXUINT));
      return NULL;
    }

  /* One byte more than the size: a file that grows while read is refused */
  bytes = g_malloc ((gsize) size + 2);
  if (!g_input_stream_read_all (G_INPUT_STREAM (in), bytes, (gsize) size + 1, &got, cancellable, error))
    return NULL;
  if (got > (gsize) size)
    {
      g_set_error (error, PATHWAYS_CSV_ERROR, PATHWAYS_CSV_ERROR_IO,
                   _("%s changed while it was being read"), display);
      return NULL;
    }
  bytes[got] = '\0';
  if (out_sha256)
    *out_sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) bytes, got);
  if (out_length)
    *out_length = got;
  return g_steal_pointer (&bytes);
}

gboolean
pathways_csv_parse_file (const char               *path,
                         const PathwaysCsvLimits  *limits,
                         PathwaysCsvRowFunc        func,
                         gpointer                  user_data,
                         PathwaysCsvEncoding      *out_encoding,
                         GCancellable             *cancellable,
                         GError                  **error)
{
  g_autofree char *display = g_filename_display_basename (path);
  g_autofree char *bytes = NULL;
  gsize length = 0;

  bytes = pathways_csv_read_file (path, limits, &length, NULL, cancellable, error);
  if (bytes == NULL)
    return FALSE;
  return pathways_csv_parse_bytes (display, bytes, length, limits, func, user_data, out_encoding,
                                   cancellable, error);
}

/**
 * pathways_csv_append_field:
 * @last: end the row (CRLF, as RFC 4180 and Excel write it)
 *
 * Quotes a value only when it must be (a comma, quote, newline or
 * surrounding space).
 */
void
pathways_csv_append_field (GString    *out,
                           const char *value,
                           gboolean    last)
{
  if (value == NULL)
    value = "";
  if (strpbrk (value, ",\"\r\n") != NULL ||
      (value[0] != '\0' && (value[0] == ' ' || value[strlen (value) - 1] == ' ')))
    {
      g_string_append_c (out, '"');
      for (const char *p = value; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, value);
  g_string_append (out, last ? "\r\n" : ",");
}

void
pathways_csv_append_row (GString            *out,
                         const char * const *values,
                         guint               n_values)
{
  for (guint i = 0; i < n_values; i++)
    pathways_csv_append_field (out, values[i], i + 1 == n_values);
}
