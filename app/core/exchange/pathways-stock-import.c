/* pathways-stock-import.c — reading a provider's list of units from CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-exchange"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "pathways-903.h"
#include "pathways-entities.h"
#include "pathways-format.h"
#include "pathways-stock-import.h"
#include "pathways-vocab.h"

#define MAX_COLUMNS 64

typedef struct {
  const char    *field;
  PathwaysVocab  vocab;
} VocabField;

static const VocabField vocab_fields[] = {
  { "kind", PATHWAYS_VOCAB_UNIT_KIND },
  { "provider-type", PATHWAYS_VOCAB_PROVIDER_TYPE },
  { "staffing", PATHWAYS_VOCAB_STAFFING },
  { "registration", PATHWAYS_VOCAB_REGISTRATION },
  { "commissioning", PATHWAYS_VOCAB_COMMISSIONING },
  { "status", PATHWAYS_VOCAB_UNIT_STATUS },
};

typedef struct {
  PathwaysStockImport *import;
  PathwaysRecordClass *klass;
  GHashTable          *known;
  GHashTable          *seen;        /* key → row */
  int                  map[MAX_COLUMNS];  /* CSV position → field index, -1 none */
  guint                n_header;
  gboolean             header_done;
  const char          *file;
} Reader;

/* "Weekly cost", "weekly_cost", "WEEKLY-COST" → "weekly-cost" */
static char *
normalise (const char *text)
{
  g_autofree char *s = g_strstrip (g_ascii_strdown (text, -1));
  GString *out = g_string_new (NULL);

  for (const char *p = s; *p; p++)
    {
      char c = *p == ' ' || *p == '_' ? '-' : *p;
      if (c == '-' && (out->len == 0 || out->str[out->len - 1] == '-'))
        continue;
      g_string_append_c (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
importable (const PathwaysField *f)
{
  return (f->flags & (PATHWAYS_FIELD_DERIVED | PATHWAYS_FIELD_REFERENCE)) == 0;
}

/**
 * pathways_stock_import_columns:
 *
 * Returns: (transfer full): the column names a stock file may have
 */
char **
pathways_stock_import_columns (void)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (PATHWAYS_TYPE_UNIT);
  PathwaysRecordClass *rc = PATHWAYS_RECORD_CLASS (klass);
  GStrvBuilder *b = g_strv_builder_new ();
  char **out;

  for (guint i = 0; i < pathways_record_class_get_n_fields (rc); i++)
    {
      const PathwaysField *f = pathways_record_class_get_field (rc, i);
      if (importable (f))
        g_strv_builder_add (b, f->name);
    }
  out = g_strv_builder_end (b);
  g_strv_builder_unref (b);
  return out;
}

static int
find_column (PathwaysRecordClass *rc,
             const char          *heading)
{
  g_autofree char *wanted = normalise (heading);

  for (guint i = 0; i < pathways_record_class_get_n_fields (rc); i++)
    {
      const PathwaysField *f = pathways_record_class_get_field (rc, i);
      g_autofree char *label = normalise (f->label);
      g_autofree char *translated = normalise (_(f->label));

      if (!importable (f))
        continue;
      if (g_str_equal (wanted, f->name) || g_str_equal (wanted, label) || g_str_equal (wanted, translated))
        return (int) i;
    }
  return -1;
}

char *
pathways_stock_import_key (const char *name,
                           const char *postcode)
{
  g_autofree char *n = normalise (name ? name : "");
  g_autofree char *p = g_ascii_strup (postcode ? postcode : "", -1);
  GString *s = g_string_new (n);

  g_string_append_c (s, '|');
  for (const char *c = p; *c; c++)
    if (*c != ' ')
      g_string_append_c (s, *c);
  return g_string_free (s, FALSE);
}

static void
problem (Reader                   *r,
         PathwaysExchangeSeverity  severity,
         guint                     row,
         const char               *column,
         const char               *value,
         char                     *message)
{
  if (severity == PATHWAYS_PROBLEM_ERROR)
    r->import->n_errors++;
  else if (severity == PATHWAYS_PROBLEM_WARNING)
    r->import->n_warnings++;
  pathways_exchange_problem_add (r->import->problems, severity, r->file, row, column, value, NULL, message);
}

#define ERR(r, row, col, val, ...) problem (r, PATHWAYS_PROBLEM_ERROR, row, col, val, g_strdup_printf (__VA_ARGS__))
#define WARN(r, row, col, val, ...) problem (r, PATHWAYS_PROBLEM_WARNING, row, col, val, g_strdup_printf (__VA_ARGS__))

static PathwaysVocab
vocab_of (const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (vocab_fields); i++)
    if (g_str_equal (vocab_fields[i].field, field))
      return vocab_fields[i].vocab;
  return PATHWAYS_N_VOCABS;
}

/* A code, or its label in English or the user's language */
static const char *
vocab_code (PathwaysVocab  vocab,
            const char    *text)
{
  g_autofree char *wanted = normalise (text);
  const PathwaysVocabEntry *entries;
  guint n = 0;

  entries = pathways_vocab_entries (vocab, &n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *code = normalise (entries[i].code);
      g_autofree char *label = normalise (entries[i].label);
      g_autofree char *translated = normalise (pathways_vocab_label (vocab, entries[i].code));
      g_autofree char *code_dashes = g_strdelimit (g_strdup (code), "_", '-');

      if (g_str_equal (wanted, code) || g_str_equal (wanted, code_dashes) || g_str_equal (wanted, label) ||
          g_str_equal (wanted, translated))
        return entries[i].code;
    }
  return NULL;
}

static gboolean
parse_money (const char *text,
             gint64     *out_pence)
{
  gint64 pounds = 0, pence = 0;
  const char *p = text;
  int decimals = 0;
  gboolean any = FALSE;

  if (g_str_has_prefix (p, "£"))
    p += strlen ("£");
  for (; *p && *p != '.'; p++)
    {
      if (*p == ',')
        continue;
      if (!g_ascii_isdigit (*p) || pounds > G_MAXINT64 / 1000)
        return FALSE;
      pounds = pounds * 10 + (*p - '0');
      any = TRUE;
    }
  if (*p == '.')
    for (p++; *p; p++)
      {
        if (!g_ascii_isdigit (*p) || ++decimals > 2)
          return FALSE;
        pence = pence * 10 + (*p - '0');
      }
  if (!any && decimals == 0)
    return FALSE;
  if (decimals == 1)
    pence *= 10;
  *out_pence = pounds * 100 + pence;
  return TRUE;
}

static gboolean
parse_int (const char *text,
           gint64      max,
           gint64     *out)
{
  guint64 v = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 0, (guint64) max, &v, NULL))
    return FALSE;
  *out = (gint64) v;
  return TRUE;
}

static gboolean
looks_like_postcode (const char *text)
{
  /* Outward code (A9, A99, AA9, AA99, A9A, AA9A), a space, inward code 9AA */
  g_autofree char *s = g_ascii_strup (text, -1);
  gsize n = strlen (s);
  const char *in;

  if (n < 6 || n > 8 || s[n - 4] != ' ')
    return FALSE;
  in = s + n - 3;
  if (!g_ascii_isdigit (in[0]) || !g_ascii_isalpha (in[1]) || !g_ascii_isalpha (in[2]))
    return FALSE;
  if (!g_ascii_isalpha (s[0]))
    return FALSE;
  for (gsize i = 1; i < n - 4; i++)
    if (!g_ascii_isalnum (s[i]))
      return FALSE;
  return TRUE;
}

static gboolean
set_value (Reader              *r,
           PathwaysRecord      *unit,
           const PathwaysField *f,
           const char          *value,
           guint                row)
{
  const char *label = _(f->label);

  switch (f->type)
    {
    case PATHWAYS_FIELD_STRING:
      {
        PathwaysVocab v = vocab_of (f->name);
        if (v != PATHWAYS_N_VOCABS)
          {
            const char *code = vocab_code (v, value);
            if (code == NULL)
              {
                ERR (r, row, f->name, value,
                     /* Translators: "stock.csv row 4, Kind ‘castle’: not one of the known values" */
                     _("%s row %u, %s ‘%s’: not one of the known values"), r->file, row, label, value);
                return FALSE;
              }
            value = code;
          }
        if (g_utf8_strlen (value, -1) > 500)
          {
            ERR (r, row, f->name, NULL, _("%s row %u, %s: longer than %u characters"), r->file, row, label, 500u);
            return FALSE;
          }
        if (g_str_equal (f->name, "postcode"))
          {
            g_autofree char *upper = g_ascii_strup (value, -1);
            if (!looks_like_postcode (upper))
              WARN (r, row, f->name, value,
                    /* Translators: "stock.csv row 4, Postcode ‘AB12CD’: does not look like a UK postcode" */
                    _("%s row %u, %s ‘%s’: does not look like a UK postcode"), r->file, row, label, value);
            pathways_record_set_string (unit, f->name, upper);
            return TRUE;
          }
        pathways_record_set_string (unit, f->name, value);
        return TRUE;
      }

    case PATHWAYS_FIELD_DATE:
      {
        char iso[11];
        GDate d;

        if (pathways_903_date_parse (value, iso))
          pathways_record_set_string (unit, f->name, iso);
        else if (pathways_date_parse_iso (value, &d) && g_date_get_year (&d) >= 1900)
          pathways_record_set_string (unit, f->name, value);
        else
          {
            ERR (r, row, f->name, value,
                 _("%s row %u, %s ‘%s’: not a real date written DD/MM/YYYY (1900 to 9999)"), r->file, row, label,
                 value);
            return FALSE;
          }
        return TRUE;
      }

    case PATHWAYS_FIELD_INT:
      {
        gint64 v = 0;
        gint64 max = g_str_has_suffix (f->name, "-age") ? 30 : 1000;
        if (!parse_int (value, max, &v))
          {
            ERR (r, row, f->name, value,
                 /* Translators: "stock.csv row 4, Bedrooms ‘two’: must be a whole number from 0 to 1000" */
                 _("%s row %u, %s ‘%s’: must be a whole number from 0 to %u"), r->file, row, label, value,
                 (guint) max);
            return FALSE;
          }
        pathways_record_set_int (unit, f->name, v);
        return TRUE;
      }

    case PATHWAYS_FIELD_BOOL:
      {
        g_autofree char *low = g_utf8_strdown (value, -1);
        g_autofree char *yes = g_utf8_strdown (_("Yes"), -1);
        g_autofree char *no = g_utf8_strdown (_("No"), -1);

        if (g_str_equal (low, "yes") || g_str_equal (low, "y") || g_str_equal (low, "true") ||
            g_str_equal (low, "1") || g_str_equal (low, yes))
          pathways_record_set_bool (unit, f->name, TRUE);
        else if (g_str_equal (low, "no") || g_str_equal (low, "n") || g_str_equal (low, "false") ||
                 g_str_equal (low, "0") || g_str_equal (low, no))
          pathways_record_set_bool (unit, f->name, FALSE);
        else
          {
            ERR (r, row, f->name, value, _("%s row %u, %s ‘%s’: must be yes or no"), r->file, row, label, value);
            return FALSE;
          }
        return TRUE;
      }

    case PATHWAYS_FIELD_MONEY:
      {
        gint64 pence = 0;
        if (!parse_money (value, &pence) || pence > (gint64) 100000000)
          {
            ERR (r, row, f->name, value,
                 /* Translators: "stock.csv row 4, Weekly cost ‘lots’: must be an amount in pounds, such as 1,250.00" */
                 _("%s row %u, %s ‘%s’: must be an amount in pounds, such as 1,250.00"), r->file, row, label, value);
            return FALSE;
          }
        pathways_record_set_int (unit, f->name, pence);
        return TRUE;
      }

    case PATHWAYS_FIELD_REAL:
    default:
      {
        char *end = NULL;
        double v = g_ascii_strtod (value, &end);
        if (end == value || *end != '\0' || !(v >= 0 && v <= 168))
          {
            ERR (r, row, f->name, value,
                 _("%s row %u, %s ‘%s’: must be a number of hours from 0 to 168"), r->file, row, label, value);
            return FALSE;
          }
        pathways_record_set_real (unit, f->name, v);
        return TRUE;
      }
    }
}

static gboolean
header_row (Reader               *r,
            const PathwaysCsvRow *row)
{
  gboolean ok = TRUE, has_name = FALSE, has_kind = FALSE;
  guint n = row->n_fields;

  while (n > 0 && row->fields[n - 1][0] == '\0')
    n--;
  if (n > MAX_COLUMNS)
    {
      ERR (r, row->row, NULL, NULL, _("%s row %u has more than %u columns"), r->file, row->row, (guint) MAX_COLUMNS);
      return FALSE;
    }
  r->n_header = n;
  for (guint i = 0; i < n; i++)
    {
      int f = find_column (r->klass, row->fields[i]);

      r->map[i] = f;
      if (f < 0)
        {
          g_auto(GStrv) columns = pathways_stock_import_columns ();
          g_autofree char *list = g_strjoinv (C_("list separator", ", "), columns);
          ERR (r, 1, row->fields[i], row->fields[i],
               /* Translators: "stock.csv row 1: column ‘colour’ is not a field of a unit; the columns are name, provider, …" */
               _("%s row %u: column ‘%s’ is not a field of a unit; the columns are %s"), r->file, 1u,
               row->fields[i], list);
          ok = FALSE;
          continue;
        }
      for (guint j = 0; j < i; j++)
        if (r->map[j] == f)
          {
            ERR (r, 1, row->fields[i], row->fields[i], _("%s row %u: column ‘%s’ appears twice"), r->file, 1u,
                 row->fields[i]);
            ok = FALSE;
          }
      has_name |= g_str_equal (pathways_record_class_get_field (r->klass, (guint) f)->name, "name");
      has_kind |= g_str_equal (pathways_record_class_get_field (r->klass, (guint) f)->name, "kind");
    }
  if (!has_name || !has_kind)
    {
      ERR (r, 1, !has_name ? "name" : "kind", NULL,
           /* Translators: "stock.csv row 1: the columns name and kind are needed" */
           _("%s row %u: the columns name and kind are needed"), r->file, 1u);
      ok = FALSE;
    }
  return ok;
}

static gboolean
row_cb (const PathwaysCsvRow  *row,
        gpointer               user_data,
        GError               **error)
{
  Reader *r = user_data;
  g_autoptr(PathwaysUnit) unit = NULL;
  PathwaysRecord *rec;
  guint errors_before = r->import->n_errors;
  const char *from, *to;
  g_autofree char *key = NULL;

  if (!r->header_done)
    {
      r->header_done = TRUE;
      if (!header_row (r, row))
        {
          g_set_error (error, PATHWAYS_EXCHANGE_ERROR, PATHWAYS_EXCHANGE_ERROR_INVALID,
                       _("%s: the first row must name the columns of a stock list"), r->file);
          return FALSE;
        }
      return TRUE;
    }

  r->import->rows_read++;
  unit = pathways_unit_new ();
  rec = PATHWAYS_RECORD (unit);

  if (row->n_fields < r->n_header ||
      (row->n_fields > r->n_header && row->fields[r->n_header][0] != '\0'))
    ERR (r, row->row, NULL, NULL, _("%s row %u has %u values; the header has %u columns"), r->file, row->row,
         row->n_fields, r->n_header);

  for (guint i = 0; i < r->n_header; i++)
    {
      const PathwaysField *f = pathways_record_class_get_field (r->klass, (guint) r->map[i]);
      g_autofree char *value = g_strstrip (g_strdup (i < row->n_fields ? row->fields[i] : ""));

      if (value[0] == '\0')
        {
          if (f->flags & PATHWAYS_FIELD_REQUIRED && !g_str_equal (f->name, "status"))
            ERR (r, row->row, f->name, NULL, _("%s row %u, %s: must not be blank"), r->file, row->row, _(f->label));
          continue;
        }
      set_value (r, rec, f, value, row->row);
    }

  if (r->import->n_errors == errors_before)
    {
      gint64 lo = pathways_record_get_int (rec, "min-age"), hi = pathways_record_get_int (rec, "max-age");
      if (lo > 0 && hi > 0 && lo > hi)
        ERR (r, row->row, "max-age", NULL,
             _("%s row %u: the minimum age %d is above the maximum age %d"), r->file, row->row, (int) lo, (int) hi);
      from = pathways_record_get_string (rec, "status-from");
      to = pathways_record_get_string (rec, "status-to");
      if (from && to && strcmp (to, from) < 0)
        {
          g_autofree char *a = pathways_date_format_uk (to), *b = pathways_date_format_uk (from);
          ERR (r, row->row, "status-to", a, _("%s row %u, %s %s: before %s %s"), r->file, row->row,
               _("Status until"), a, _("Status from"), b);
        }
    }

  if (r->import->n_errors != errors_before)
    {
      r->import->rows_skipped++;
      return TRUE;
    }

  key = pathways_stock_import_key (pathways_record_get_string (rec, "name"),
                                   pathways_record_get_string (rec, "postcode"));
  if (g_hash_table_contains (r->seen, key))
    {
      WARN (r, row->row, "name", pathways_record_get_string (rec, "name"),
            /* Translators: "stock.csv row 9, Name ‘Flat 2’: the same unit (name and postcode) as row 4; not added twice" */
            _("%s row %u, %s ‘%s’: the same unit (name and postcode) as row %u; not added twice"), r->file, row->row,
            _("Name"), pathways_record_get_string (rec, "name"),
            GPOINTER_TO_UINT (g_hash_table_lookup (r->seen, key)));
      return TRUE;
    }
  g_hash_table_insert (r->seen, g_strdup (key), GUINT_TO_POINTER (row->row));
  if (r->known != NULL && g_hash_table_contains (r->known, key))
    {
      r->import->rows_known++;
      return TRUE;
    }
  g_ptr_array_add (r->import->units, g_steal_pointer (&unit));
  g_array_append_val (r->import->unit_rows, row->row);
  return TRUE;
}

/**
 * pathways_stock_import_parse_bytes:
 * @known_keys: (nullable): pathways_stock_import_key() of the units
 *   already held; rows for them are counted, not added
 *
 * Returns: (transfer full): the preview (with no units and a problem
 *   for each wrong column when the columns are not a stock list's), or
 *   %NULL with @error when the file cannot be read as CSV
 */
PathwaysStockImport *
pathways_stock_import_parse_bytes (const char    *name,
                                   const char    *bytes,
                                   gsize          length,
                                   GHashTable    *known_keys,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (PATHWAYS_TYPE_UNIT);
  g_autoptr(PathwaysStockImport) import = g_new0 (PathwaysStockImport, 1);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) local = NULL;
  Reader r = { 0 };

  import->name = g_strdup (name);
  import->size = length;
  import->sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) bytes, length);
  import->units = g_ptr_array_new_with_free_func (g_object_unref);
  import->unit_rows = g_array_new (FALSE, FALSE, sizeof (guint));
  import->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_exchange_problem_free);

  r.import = import;
  r.klass = PATHWAYS_RECORD_CLASS (klass);
  r.known = known_keys;
  r.seen = seen;
  r.file = name;
  if (!pathways_csv_parse_bytes (name, bytes, length, NULL, row_cb, &r, &import->encoding, cancellable, &local))
    {
      /* Wrong columns: the problems say which; nothing can be imported */
      if (g_error_matches (local, PATHWAYS_EXCHANGE_ERROR, PATHWAYS_EXCHANGE_ERROR_INVALID))
        return g_steal_pointer (&import);
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  return g_steal_pointer (&import);
}

PathwaysStockImport *
pathways_stock_import_parse_file (const char    *path,
                                  GHashTable    *known_keys,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  g_autofree char *display = g_filename_display_basename (path);
  g_autofree char *bytes = NULL;
  gsize length = 0;

  bytes = pathways_csv_read_file (path, NULL, &length, NULL, cancellable, error);
  if (bytes == NULL)
    return NULL;
  return pathways_stock_import_parse_bytes (display, bytes, length, known_keys, cancellable, error);
}

void
pathways_stock_import_free (PathwaysStockImport *import)
{
  if (import == NULL)
    return;
  g_free (import->name);
  g_free (import->sha256);
  g_clear_pointer (&import->units, g_ptr_array_unref);
  g_clear_pointer (&import->unit_rows, g_array_unref);
  g_clear_pointer (&import->problems, g_ptr_array_unref);
  g_free (import);
}
