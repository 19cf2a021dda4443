/* pathways-903.c — the SSDA903 return's tables as plain structs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-exchange"

#include "config.h"

#include <glib/gi18n.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "pathways-903.h"

typedef enum {
  K_ID,     /* CHILD: required, kept as written */
  K_TEXT,   /* upper-cased, optional */
  K_DATE,
  K_CODE,   /* checked against LIST on the row's dates */
  K_FLAG,   /* MOTHER: 1, 0 or blank */
  K_ACCOM,  /* letter + suitability digit, or 0 */
} Kind;

typedef struct {
  const char *name;
  Kind        kind;
  const char *list;
  gboolean    required;
  gsize       offset;
  guint       max_length;
} Column;

typedef struct {
  const char   *name;
  const Column *columns;
  guint         n_columns;
  gsize         size;
} TableDesc;

#define COL(type, field, name, kind, list, req, max) \
  { name, kind, list, req, offsetof (type, field), max }

static const Column header_cols[] = {
  COL (Pathways903Child, child, "CHILD", K_ID, NULL, TRUE, 64),
  COL (Pathways903Child, sex, "SEX", K_CODE, "SEX", TRUE, 1),
  COL (Pathways903Child, dob, "DOB", K_DATE, NULL, TRUE, 0),
  COL (Pathways903Child, ethnic, "ETHNIC", K_CODE, "ETHNIC", TRUE, 4),
  COL (Pathways903Child, upn, "UPN", K_TEXT, NULL, FALSE, 13),
  COL (Pathways903Child, mother, "MOTHER", K_FLAG, NULL, FALSE, 1),
  COL (Pathways903Child, mc_dob, "MC_DOB", K_DATE, NULL, FALSE, 0),
};

static const Column episode_cols[] = {
  COL (Pathways903Episode, child, "CHILD", K_ID, NULL, TRUE, 64),
  COL (Pathways903Episode, decom, "DECOM", K_DATE, NULL, TRUE, 0),
  COL (Pathways903Episode, rne, "RNE", K_CODE, "RNE", TRUE, 1),
  COL (Pathways903Episode, ls, "LS", K_CODE, "LS", TRUE, 2),
  COL (Pathways903Episode, cin, "CIN", K_CODE, "CIN", TRUE, 2),
  COL (Pathways903Episode, place, "PLACE", K_CODE, "PLACE", TRUE, 3),
  COL (Pathways903Episode, place_provider, "PLACE_PROVIDER", K_CODE, "PLACE_PROVIDER", FALSE, 3),
  COL (Pathways903Episode, dec, "DEC", K_DATE, NULL, FALSE, 0),
  COL (Pathways903Episode, rec, "REC", K_CODE, "REC", FALSE, 3),
  COL (Pathways903Episode, reason_place_change, "REASON_PLACE_CHANGE", K_CODE, "REASON_PLACE_CHANGE", FALSE, 6),
  COL (Pathways903Episode, home_post, "HOME_POST", K_TEXT, NULL, FALSE, 10),
  COL (Pathways903Episode, pl_post, "PL_POST", K_TEXT, NULL, FALSE, 10),
  COL (Pathways903Episode, urn, "URN", K_TEXT, NULL, FALSE, 16),
};

static const Column uasc_cols[] = {
  COL (Pathways903Uasc, child, "CHILD", K_ID, NULL, TRUE, 64),
  COL (Pathways903Uasc, sex, "SEX", K_CODE, "SEX", TRUE, 1),
  COL (Pathways903Uasc, dob, "DOB", K_DATE, NULL, TRUE, 0),
  COL (Pathways903Uasc, duc, "DUC", K_DATE, NULL, TRUE, 0),
};

static const Column oc3_cols[] = {
  COL (Pathways903Oc3, child, "CHILD", K_ID, NULL, TRUE, 64),
  COL (Pathways903Oc3, dob, "DOB", K_DATE, NULL, TRUE, 0),
  COL (Pathways903Oc3, in_touch, "IN_TOUCH", K_CODE, "IN_TOUCH", FALSE, 4),
  COL (Pathways903Oc3, activ, "ACTIV", K_CODE, "ACTIV", FALSE, 2),
  COL (Pathways903Oc3, accom, "ACCOM", K_ACCOM, "ACCOM", FALSE, 2),
};

static const Column review_cols[] = {
  COL (Pathways903Review, child, "CHILD", K_ID, NULL, TRUE, 64),
  COL (Pathways903Review, dob, "DOB", K_DATE, NULL, TRUE, 0),
  COL (Pathways903Review, review, "REVIEW", K_DATE, NULL, TRUE, 0),
  COL (Pathways903Review, review_code, "REVIEW_CODE", K_CODE, "REVIEW_CODE", TRUE, 3),
};

static const Column missing_cols[] = {
  COL (Pathways903Missing, child, "CHILD", K_ID, NULL, TRUE, 64),
  COL (Pathways903Missing, dob, "DOB", K_DATE, NULL, TRUE, 0),
  COL (Pathways903Missing, missing, "MISSING", K_CODE, "MISSING", TRUE, 1),
  COL (Pathways903Missing, mis_start, "MIS_START", K_DATE, NULL, TRUE, 0),
  COL (Pathways903Missing, mis_end, "MIS_END", K_DATE, NULL, FALSE, 0),
};

#define UNREAD(n) { n, K_TEXT, NULL, FALSE, 0, 0 }

static const Column oc2_cols[] = {
  UNREAD ("CHILD"), UNREAD ("DOB"), UNREAD ("SDQ_SCORE"), UNREAD ("SDQ_REASON"), UNREAD ("CONVICTED"),
  UNREAD ("HEALTH_CHECK"), UNREAD ("IMMUNISATIONS"), UNREAD ("TEETH_CHECK"), UNREAD ("HEALTH_ASSESSMENT"),
  UNREAD ("SUBSTANCE_MISUSE"), UNREAD ("INTERVENTION_RECEIVED"), UNREAD ("INTERVENTION_OFFERED"),
};
static const Column ad1_cols[] = {
  UNREAD ("CHILD"), UNREAD ("DOB"), UNREAD ("DATE_INT"), UNREAD ("DATE_MATCH"), UNREAD ("FOSTER_CARE"),
  UNREAD ("NB_ADOPTR"), UNREAD ("SEX_ADOPTR"), UNREAD ("LS_ADOPTR"),
};
static const Column placed_cols[] = {
  UNREAD ("CHILD"), UNREAD ("DOB"), UNREAD ("DATE_PLACED"), UNREAD ("DATE_PLACED_CEASED"),
  UNREAD ("REASON_PLACED_CEASED"),
};
static const Column prev_perm_cols[] = {
  UNREAD ("CHILD"), UNREAD ("DOB"), UNREAD ("PREV_PERM"), UNREAD ("LA_PERM"), UNREAD ("DATE_PERM"),
};
static const Column sw_cols[] = {
  UNREAD ("CHILD"), UNREAD ("DOB"), UNREAD ("SW_ID"), UNREAD ("SW_DECOM"), UNREAD ("SW_DEC"),
  UNREAD ("SW_REASON"),
};
static const Column dolo_cols[] = {
  UNREAD ("CHILD"), UNREAD ("DOB"), UNREAD ("DOLO_START"), UNREAD ("DOLO_END"),
};

static const TableDesc tables[PATHWAYS_903_N_TABLES] = {
  [PATHWAYS_903_TABLE_HEADER] = { "Header", header_cols, G_N_ELEMENTS (header_cols), sizeof (Pathways903Child) },
  [PATHWAYS_903_TABLE_EPISODES] = { "Episodes", episode_cols, G_N_ELEMENTS (episode_cols), sizeof (Pathways903Episode) },
  [PATHWAYS_903_TABLE_UASC] = { "UASC", uasc_cols, G_N_ELEMENTS (uasc_cols), sizeof (Pathways903Uasc) },
  [PATHWAYS_903_TABLE_OC3] = { "OC3", oc3_cols, G_N_ELEMENTS (oc3_cols), sizeof (Pathways903Oc3) },
  [PATHWAYS_903_TABLE_REVIEWS] = { "Reviews", review_cols, G_N_ELEMENTS (review_cols), sizeof (Pathways903Review) },
  [PATHWAYS_903_TABLE_MISSING] = { "Missing", missing_cols, G_N_ELEMENTS (missing_cols), sizeof (Pathways903Missing) },
  [PATHWAYS_903_TABLE_OC2] = { "OC2", oc2_cols, G_N_ELEMENTS (oc2_cols), 0 },
  [PATHWAYS_903_TABLE_AD1] = { "AD1", ad1_cols, G_N_ELEMENTS (ad1_cols), 0 },
  [PATHWAYS_903_TABLE_PLACED_ADOPTION] = { "PlacedAdoption", placed_cols, G_N_ELEMENTS (placed_cols), 0 },
  [PATHWAYS_903_TABLE_PREV_PERM] = { "PrevPerm", prev_perm_cols, G_N_ELEMENTS (prev_perm_cols), 0 },
  [PATHWAYS_903_TABLE_SW_EPISODES] = { "SWEpisodes", sw_cols, G_N_ELEMENTS (sw_cols), 0 },
  [PATHWAYS_903_TABLE_DOLO] = { "DoLo", dolo_cols, G_N_ELEMENTS (dolo_cols), 0 },
};

#define FIELD(row, col) (*(char **) ((char *) (row) + (col)->offset))
#define CFIELD(row, col) (*(char * const *) ((const char *) (row) + (col)->offset))

/* Problems ------------------------------------------------------------------- */

static void
add (Pathways903Data     *data,
     PathwaysExchangeSeverity  severity,
     Pathways903Source   *src,
     const char          *column,
     const char          *value,
     const char          *child,
     char                *message)
{
  if (severity == PATHWAYS_PROBLEM_ERROR)
    {
      data->n_errors++;
      if (src != NULL)
        src->bad = TRUE;
    }
  else if (severity == PATHWAYS_PROBLEM_WARNING)
    data->n_warnings++;
  pathways_exchange_problem_add (data->problems, severity, src ? src->file : NULL, src ? src->row : 0,
                            column, value, child, message);
}

/* Every message is one translatable format with the file and row first */
#define ERR(d, src, col, val, child, ...) add (d, PATHWAYS_PROBLEM_ERROR, src, col, val, child, g_strdup_printf (__VA_ARGS__))
#define WARN(d, src, col, val, child, ...) add (d, PATHWAYS_PROBLEM_WARNING, src, col, val, child, g_strdup_printf (__VA_ARGS__))

/* Tables --------------------------------------------------------------------- */

const char *
pathways_903_table_name (Pathways903Table table)
{
  g_return_val_if_fail (table < PATHWAYS_903_N_TABLES, NULL);
  return table == PATHWAYS_903_TABLE_NONE ? NULL : tables[table].name;
}

/**
 * pathways_903_table_columns:
 *
 * Returns: (transfer full) (array length=n_columns): the DfE column
 *   names in the DfE's order; free the array (not the names) with g_free()
 */
const char * const *
pathways_903_table_columns (Pathways903Table  table,
                            guint            *n_columns)
{
  const char **names;
  const TableDesc *t;

  g_return_val_if_fail (table > PATHWAYS_903_TABLE_NONE && table < PATHWAYS_903_N_TABLES, NULL);
  t = &tables[table];
  names = g_new0 (const char *, t->n_columns + 1);
  for (guint i = 0; i < t->n_columns; i++)
    names[i] = t->columns[i].name;
  if (n_columns)
    *n_columns = t->n_columns;
  return names;
}

gboolean
pathways_903_table_is_read (Pathways903Table table)
{
  return table >= PATHWAYS_903_TABLE_HEADER && table <= PATHWAYS_903_TABLE_MISSING;
}

static int
column_index (const TableDesc *t,
              const char      *name)
{
  for (guint i = 0; i < t->n_columns; i++)
    if (g_str_equal (t->columns[i].name, name))
      return (int) i;
  return -1;
}

static char *
join_names (GPtrArray *names)
{
  g_ptr_array_add (names, NULL);
  /* Translators: the separator between column names in a list */
  return g_strjoinv (C_("list separator", ", "), (char **) names->pdata);
}

/**
 * pathways_903_recognise:
 * @names: the first row of a CSV, trimmed
 * @out_why: (out) (optional): when nothing matches, a sentence saying
 *   which table it nearly is
 *
 * Returns: the table whose set of columns is exactly @names
 */
Pathways903Table
pathways_903_recognise (const char * const  *names,
                        guint                n_names,
                        char               **out_why)
{
  Pathways903Table best = PATHWAYS_903_TABLE_NONE;
  guint best_common = 0;

  if (out_why)
    *out_why = NULL;

  for (Pathways903Table t = PATHWAYS_903_TABLE_HEADER; t < PATHWAYS_903_N_TABLES; t++)
    {
      const TableDesc *d = &tables[t];
      guint seen_mask = 0, common = 0;
      gboolean exact = n_names == d->n_columns;

      for (guint i = 0; i < n_names; i++)
        {
          int c = column_index (d, names[i]);
          if (c < 0 || (seen_mask & (1u << c)))
            exact = FALSE;
          else
            {
              seen_mask |= 1u << c;
              common++;
            }
        }
      if (exact && common == d->n_columns)
        return t;
      if (common > best_common || (common == best_common && best != PATHWAYS_903_TABLE_NONE &&
                                   d->n_columns < tables[best].n_columns))
        {
          best_common = common;
          best = t;
        }
    }

  if (out_why != NULL)
    {
      /* Nearly a table when it shares more than CHILD and DOB and half its columns */
      if (best != PATHWAYS_903_TABLE_NONE && best_common > 2 && best_common * 2 >= tables[best].n_columns)
        {
          const TableDesc *d = &tables[best];
          g_autoptr(GPtrArray) missing = g_ptr_array_new ();
          g_autoptr(GPtrArray) extra = g_ptr_array_new ();
          g_autofree char *m = NULL, *e = NULL;

          for (guint c = 0; c < d->n_columns; c++)
            {
              gboolean found = FALSE;
              for (guint i = 0; i < n_names && !found; i++)
                found = g_str_equal (names[i], d->columns[c].name);
              if (!found)
                g_ptr_array_add (missing, (gpointer) d->columns[c].name);
            }
          for (guint i = 0; i < n_names; i++)
            if (column_index (d, names[i]) < 0)
              g_ptr_array_add (extra, (gpointer) names[i]);
          if (missing->len > 0)
            m = join_names (missing);
          if (extra->len > 0)
            e = join_names (extra);

          if (m && e)
            /* Translators: "not a 903 table: like Episodes, but without URN and with URN_NO" */
            *out_why = g_strdup_printf (_("not a 903 table: like %s, but without %s and with %s"), d->name, m, e);
          else if (m)
            *out_why = g_strdup_printf (_("not a 903 table: like %s, but without %s"), d->name, m);
          else if (e)
            *out_why = g_strdup_printf (_("not a 903 table: like %s, but with %s as well"), d->name, e);
          else
            *out_why = g_strdup_printf (_("not a 903 table: like %s, but a column is repeated"), d->name);
        }
      else
        *out_why = g_strdup (_("not a 903 table: its columns are not those of any table of the return"));
    }
  return PATHWAYS_903_TABLE_NONE;
}

/* Dates ---------------------------------------------------------------------- */

void
pathways_903_collection_dates (int  year,
                               char out_start[11],
                               char out_end[11])
{
  g_snprintf (out_start, 11, "%04d-04-01", CLAMP (year - 1, 1, 9999));
  g_snprintf (out_end, 11, "%04d-03-31", CLAMP (year, 1, 9999));
}

int
pathways_903_collection_year_of (const char *iso)
{
  int y = 0, m = 0;

  if (iso == NULL || sscanf (iso, "%4d-%2d", &y, &m) != 2)
    return 0;
  return m >= 4 ? y + 1 : y;
}

static gboolean
digits (const char *s,
        int         n,
        int        *out)
{
  int v = 0;

  for (int i = 0; i < n; i++)
    {
      if (s[i] < '0' || s[i] > '9')
        return FALSE;
      v = v * 10 + (s[i] - '0');
    }
  *out = v;
  return TRUE;
}

/**
 * pathways_903_date_parse:
 * @text: DD/MM/YYYY (one-digit day and month accepted, as the DfE tools do)
 *
 * Returns: %TRUE for a real date in 1900–9999
 */
gboolean
pathways_903_date_parse (const char *text,
                         char        out_iso[11])
{
  const char *p = text;
  int d, m, y, nd, nm;

  for (nd = 0; p[nd] >= '0' && p[nd] <= '9'; nd++)
    ;
  if (nd < 1 || nd > 2 || p[nd] != '/' || !digits (p, nd, &d))
    return FALSE;
  p += nd + 1;
  for (nm = 0; p[nm] >= '0' && p[nm] <= '9'; nm++)
    ;
  if (nm < 1 || nm > 2 || p[nm] != '/' || !digits (p, nm, &m))
    return FALSE;
  p += nm + 1;
  if (!digits (p, 4, &y) || p[4] != '\0')
    return FALSE;
  if (y < 1900 || y > 9999 || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  g_snprintf (out_iso, 11, "%04d-%02d-%02d", y, m, d);
  return TRUE;
}

void
pathways_903_date_format (const char *iso,
                          char        out_uk[11])
{
  if (iso == NULL || strlen (iso) != 10)
    {
      out_uk[0] = '\0';
      return;
    }
  memcpy (out_uk, iso + 8, 2);
  out_uk[2] = '/';
  memcpy (out_uk + 3, iso + 5, 2);
  out_uk[5] = '/';
  memcpy (out_uk + 6, iso, 4);
  out_uk[10] = '\0';
}

/* "2025-04-01" → "2025-03-31" */
static void
day_before (const char *iso,
            char        out[11])
{
  GDate d;
  int y, m, dd;

  if (sscanf (iso, "%4d-%2d-%2d", &y, &m, &dd) != 3 ||
      !g_date_valid_dmy ((GDateDay) dd, (GDateMonth) m, (GDateYear) y))
    {
      g_strlcpy (out, iso, 11);
      return;
    }
  g_date_clear (&d, 1);
  g_date_set_dmy (&d, (GDateDay) dd, (GDateMonth) m, (GDateYear) y);
  if (g_date_get_julian (&d) > 1)
    g_date_subtract_days (&d, 1);
  g_snprintf (out, 11, "%04d-%02d-%02d", g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d));
}

/* Rows ----------------------------------------------------------------------- */

static void
row_free (Pathways903Table  table,
          gpointer          row)
{
  const TableDesc *t = &tables[table];

  if (row == NULL)
    return;
  for (guint i = 0; i < t->n_columns; i++)
    g_free (FIELD (row, &t->columns[i]));
  g_free (row);
}

void pathways_903_child_free (Pathways903Child *r) { row_free (PATHWAYS_903_TABLE_HEADER, r); }
void pathways_903_episode_free (Pathways903Episode *r) { row_free (PATHWAYS_903_TABLE_EPISODES, r); }
void pathways_903_uasc_free (Pathways903Uasc *r) { row_free (PATHWAYS_903_TABLE_UASC, r); }
void pathways_903_oc3_free (Pathways903Oc3 *r) { row_free (PATHWAYS_903_TABLE_OC3, r); }
void pathways_903_review_free (Pathways903Review *r) { row_free (PATHWAYS_903_TABLE_REVIEWS, r); }
void pathways_903_missing_free (Pathways903Missing *r) { row_free (PATHWAYS_903_TABLE_MISSING, r); }

Pathways903Episode *
pathways_903_episode_copy (const Pathways903Episode *e)
{
  const TableDesc *t = &tables[PATHWAYS_903_TABLE_EPISODES];
  Pathways903Episode *copy = g_new0 (Pathways903Episode, 1);

  copy->src = e->src;
  for (guint i = 0; i < t->n_columns; i++)
    FIELD (copy, &t->columns[i]) = g_strdup (CFIELD (e, &t->columns[i]));
  return copy;
}

/* Equal in every DfE value (where they came from does not matter) */
gboolean
pathways_903_episode_equal (const Pathways903Episode *a,
                            const Pathways903Episode *b)
{
  const TableDesc *t = &tables[PATHWAYS_903_TABLE_EPISODES];

  for (guint i = 0; i < t->n_columns; i++)
    if (g_strcmp0 (CFIELD (a, &t->columns[i]), CFIELD (b, &t->columns[i])) != 0)
      return FALSE;
  return TRUE;
}

/* For g_ptr_array_sort: by CHILD, then DECOM */
int
pathways_903_episode_compare (gconstpointer a,
                              gconstpointer b)
{
  const Pathways903Episode *x = *(Pathways903Episode * const *) a;
  const Pathways903Episode *y = *(Pathways903Episode * const *) b;
  int c = g_strcmp0 (x->child, y->child);

  return c != 0 ? c : g_strcmp0 (x->decom, y->decom);
}

Pathways903Data *
pathways_903_data_new (void)
{
  Pathways903Data *d = g_new0 (Pathways903Data, 1);

  d->children = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_903_child_free);
  d->episodes = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_903_episode_free);
  d->uasc = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_903_uasc_free);
  d->oc3 = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_903_oc3_free);
  d->reviews = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_903_review_free);
  d->missing = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_903_missing_free);
  d->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_exchange_problem_free);
  return d;
}

void
pathways_903_data_free (Pathways903Data *d)
{
  if (d == NULL)
    return;
  g_ptr_array_unref (d->children);
  g_ptr_array_unref (d->episodes);
  g_ptr_array_unref (d->uasc);
  g_ptr_array_unref (d->oc3);
  g_ptr_array_unref (d->reviews);
  g_ptr_array_unref (d->missing);
  g_ptr_array_unref (d->problems);
  g_free (d);
}

static GPtrArray *
rows_of (Pathways903Data  *d,
         Pathways903Table  table)
{
  switch (table)
    {
    case PATHWAYS_903_TABLE_HEADER: return d->children;
    case PATHWAYS_903_TABLE_EPISODES: return d->episodes;
    case PATHWAYS_903_TABLE_UASC: return d->uasc;
    case PATHWAYS_903_TABLE_OC3: return d->oc3;
    case PATHWAYS_903_TABLE_REVIEWS: return d->reviews;
    case PATHWAYS_903_TABLE_MISSING: return d->missing;
    default: return NULL;
    }
}

/* Reading a table ------------------------------------------------------------ */

typedef struct {
  Pathways903Data  *data;
  const char       *file;      /* interned */
  Pathways903Table  table;
  int               map[32];   /* CSV position → column index */
  guint             n_header;
  guint             rows;
  char             *why;
} TableReader;

static char *
trimmed (const char *s,
         gboolean    upper)
{
  const char *end;

  while (*s == ' ' || *s == '\t')
    s++;
  end = s + strlen (s);
  while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
    end--;
  if (end == s)
    return NULL;
  return upper ? g_ascii_strup (s, end - s) : g_strndup (s, (gsize) (end - s));
}

static gboolean
has_control (const char *s)
{
  for (; *s; s++)
    if ((guchar) *s < 0x20 || *s == 0x7f)
      return TRUE;
  return FALSE;
}

static void
map_value (TableReader      *tr,
           gpointer          row,
           Pathways903Source *src,
           const Column     *col,
           const char       *raw,
           const char       *child)
{
  Pathways903Data *d = tr->data;
  char *value = trimmed (raw, col->kind != K_ID);
  char iso[11];

  if (value == NULL)
    {
      if (col->required)
        ERR (d, src, col->name, NULL, child,
             /* Translators: "episodes.csv row 12, DECOM: must not be blank" */
             _("%s row %u, %s: must not be blank"), src->file, src->row, col->name);
      return;
    }

  if (has_control (value))
    {
      ERR (d, src, col->name, NULL, child,
           _("%s row %u, %s: contains a line break or another control character"), src->file, src->row,
           col->name);
      g_free (value);
      return;
    }

  switch (col->kind)
    {
    case K_DATE:
      if (!pathways_903_date_parse (value, iso))
        {
          ERR (d, src, col->name, value, child,
               /* Translators: "header.csv row 5, DOB ‘31/02/2009’: not a real date written DD/MM/YYYY (1900 to 9999)" */
               _("%s row %u, %s ‘%s’: not a real date written DD/MM/YYYY (1900 to 9999)"), src->file,
               src->row, col->name, value);
          g_free (value);
          return;
        }
      g_free (value);
      value = g_strdup (iso);
      break;

    case K_FLAG:
      if (!g_str_equal (value, "0") && !g_str_equal (value, "1"))
        {
          ERR (d, src, col->name, value, child, _("%s row %u, %s ‘%s’: must be 1, 0 or blank"), src->file,
               src->row, col->name, value);
          g_free (value);
          return;
        }
      break;

    case K_ID:
    case K_TEXT:
    case K_CODE:
    case K_ACCOM:
    default:
      if (col->max_length > 0 && g_utf8_strlen (value, -1) > (glong) col->max_length)
        {
          g_autofree char *shown = g_utf8_substring (value, 0, MIN (40, g_utf8_strlen (value, -1)));
          ERR (d, src, col->name, shown, child,
               /* Translators: "episodes.csv row 3, PLACE ‘K2K2’: longer than 3 characters" */
               _("%s row %u, %s ‘%s’: longer than %u characters"), src->file, src->row, col->name,
               shown, col->max_length);
          g_free (value);
          return;
        }
      break;
    }

  FIELD (row, col) = value;
}

static void
check_row (TableReader      *tr,
           gpointer          row,
           Pathways903Source *src)
{
  Pathways903Data *d = tr->data;
  char a[11], b[11];

  if (tr->table == PATHWAYS_903_TABLE_EPISODES)
    {
      Pathways903Episode *e = row;

      if (e->dec && e->decom && strcmp (e->dec, e->decom) < 0)
        {
          pathways_903_date_format (e->dec, a);
          pathways_903_date_format (e->decom, b);
          ERR (d, src, "DEC", a, e->child,
               /* Translators: "episodes.csv row 9, DEC 01/02/2024: before DECOM 03/04/2024" */
               _("%s row %u, %s %s: before %s %s"), src->file, src->row, "DEC", a, "DECOM", b);
        }
      else if (e->dec && e->decom && strcmp (e->dec, e->decom) == 0)
        {
          pathways_903_date_format (e->dec, a);
          /* DfE rule 355; the store keeps no episode of no days either */
          ERR (d, src, "DEC", a, e->child,
               /* Translators: "episodes.csv row 9, DEC 03/04/2024: the day the episode began (DECOM);
                * an episode lasts at least a day (DfE rule 355)" */
               _("%s row %u, %s %s: the day the episode began (%s); an episode lasts at least a day "
                 "(DfE rule %s)"), src->file, src->row, "DEC", a, "DECOM", "355");
        }
      if (e->dec && e->rec == NULL && !src->bad)
        ERR (d, src, "REC", NULL, e->child,
             _("%s row %u, REC: must be given when the episode has ended (DEC)"), src->file, src->row);
      if (e->dec == NULL && e->rec != NULL && !src->bad)
        ERR (d, src, "REC", e->rec, e->child,
             _("%s row %u, REC ‘%s’: the episode has not ended (DEC is blank)"), src->file, src->row, e->rec);
    }
  else if (tr->table == PATHWAYS_903_TABLE_MISSING)
    {
      Pathways903Missing *m = row;

      if (m->mis_end && m->mis_start && strcmp (m->mis_end, m->mis_start) < 0)
        {
          pathways_903_date_format (m->mis_end, a);
          pathways_903_date_format (m->mis_start, b);
          ERR (d, src, "MIS_END", a, m->child, _("%s row %u, %s %s: before %s %s"), src->file, src->row,
               "MIS_END", a, "MIS_START", b);
        }
    }
  else if (tr->table == PATHWAYS_903_TABLE_UASC)
    {
      Pathways903Uasc *u = row;

      if (u->duc && u->dob && strcmp (u->duc, u->dob) < 0)
        {
          pathways_903_date_format (u->duc, a);
          pathways_903_date_format (u->dob, b);
          ERR (d, src, "DUC", a, u->child, _("%s row %u, %s %s: before %s %s"), src->file, src->row,
               "DUC", a, "DOB", b);
        }
    }
}

static gboolean
table_row_cb (const PathwaysCsvRow  *csv,
              gpointer               user_data,
              GError               **error)
{
  TableReader *tr = user_data;
  const TableDesc *t;
  Pathways903Source *src;
  gpointer row;
  const char *child = NULL;
  gboolean child_seen = FALSE;

  if (tr->n_header == 0)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < csv->n_fields; i++)
        {
          char *n = trimmed (csv->fields[i], FALSE);
          g_ptr_array_add (names, n ? n : g_strdup (""));
        }
      /* Trailing empty header cells, as spreadsheets leave them */
      while (names->len > 0 && ((char *) g_ptr_array_index (names, names->len - 1))[0] == '\0')
        g_ptr_array_set_size (names, names->len - 1);

      tr->table = pathways_903_recognise ((const char * const *) names->pdata, names->len, &tr->why);
      tr->n_header = MAX (names->len, 1);
      if (!pathways_903_table_is_read (tr->table))
        return FALSE;  /* nothing more to read */

      t = &tables[tr->table];
      for (guint i = 0; i < names->len && i < G_N_ELEMENTS (tr->map); i++)
        tr->map[i] = column_index (t, g_ptr_array_index (names, i));
      return TRUE;
    }

  t = &tables[tr->table];
  tr->rows++;
  row = g_malloc0 (t->size);
  src = row;  /* every row struct starts with its source */
  src->file = tr->file;
  src->row = csv->row;

  if (csv->n_fields != tr->n_header)
    {
      gboolean extra_blank = csv->n_fields > tr->n_header;

      for (guint i = tr->n_header; i < csv->n_fields && extra_blank; i++)
        extra_blank = csv->fields[i][0] == '\0';
      if (!extra_blank)
        ERR (tr->data, src, NULL, NULL, NULL,
             /* Translators: "episodes.csv row 8 has 12 values; the header has 13 columns" */
             _("%s row %u has %u values; the header has %u columns"), src->file, src->row, csv->n_fields,
             tr->n_header);
    }

  /* CHILD first, so every later problem can name the child */
  for (guint i = 0; i < csv->n_fields && i < tr->n_header && i < G_N_ELEMENTS (tr->map); i++)
    if (tr->map[i] == 0)
      {
        map_value (tr, row, src, &t->columns[0], csv->fields[i], NULL);
        child = FIELD (row, &t->columns[0]);
        child_seen = TRUE;
      }
  for (guint i = 0; i < tr->n_header && i < G_N_ELEMENTS (tr->map); i++)
    {
      int c = tr->map[i];

      if (c <= 0)
        continue;
      map_value (tr, row, src, &t->columns[c], i < csv->n_fields ? csv->fields[i] : "", child);
    }
  if (!child_seen)
    map_value (tr, row, src, &t->columns[0], "", NULL);

  check_row (tr, row, src);
  g_ptr_array_add (rows_of (tr->data, tr->table), row);
  return TRUE;
}

/**
 * pathways_903_read_table:
 * @name: the file's name in messages
 * @out_rows: (out) (optional): the number of data rows read
 *
 * Recognises one CSV and maps its rows into @data, with a problem for
 * every value that is wrong.  A file that is not a table Pathways reads
 * is not an error: the result says what it is and a note is added.
 *
 * Returns: the table recognised, or %PATHWAYS_903_TABLE_NONE with a note
 *   saying why (or with @error set when the file could not be read as CSV)
 */
Pathways903Table
pathways_903_read_table (Pathways903Data          *data,
                         const char               *name,
                         const char               *bytes,
                         gsize                     length,
                         const PathwaysCsvLimits  *limits,
                         PathwaysCsvEncoding      *out_encoding,
                         guint                    *out_rows,
                         GCancellable             *cancellable,
                         GError                  **error)
{
  TableReader tr = { 0 };
  g_autoptr(GError) local = NULL;
  gboolean ok;

  g_return_val_if_fail (data != NULL, PATHWAYS_903_TABLE_NONE);
  g_return_val_if_fail (name != NULL, PATHWAYS_903_TABLE_NONE);

  tr.data = data;
  tr.file = g_intern_string (name);
  for (guint i = 0; i < G_N_ELEMENTS (tr.map); i++)
    tr.map[i] = -1;

  ok = pathways_csv_parse_bytes (name, bytes, length, limits, table_row_cb, &tr, out_encoding,
                                 cancellable, &local);
  if (out_rows)
    *out_rows = tr.rows;

  /* Stopping after the header of a table we do not read is not a failure */
  if (!ok && g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      !pathways_903_table_is_read (tr.table) && tr.n_header > 0 &&
      !g_cancellable_is_cancelled (cancellable))
    {
      g_clear_error (&local);
      ok = TRUE;
    }

  if (ok && tr.table == PATHWAYS_903_TABLE_NONE)
    pathways_exchange_problem_add (data->problems, PATHWAYS_PROBLEM_NOTE, name, 0, NULL, NULL, NULL,
                              /* Translators: "notes.csv: not a 903 table: …" */
                              g_strdup_printf (_("%s: %s"), name, tr.why));
  else if (ok && !pathways_903_table_is_read (tr.table))
    pathways_exchange_problem_add (data->problems, PATHWAYS_PROBLEM_NOTE, name, 0, NULL, NULL, NULL,
                              /* Translators: "oc2.csv: ignored: it is the OC2 table, which Pathways does not read" */
                              g_strdup_printf (_("%s: ignored: it is the %s table, which Pathways does not read"),
                                               name, tables[tr.table].name));
  g_free (tr.why);

  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return PATHWAYS_903_TABLE_NONE;
    }
  return tr.table;
}

/* Checking ------------------------------------------------------------------- */

typedef struct {
  Pathways903Data        *data;
  const Pathways903Codes *codes;
  char                    year_start[11];
  char                    year_end[11];
} Checker;

/* Checks one code value against its list on @on_date */
static void
check_code (Checker           *k,
            Pathways903Source *src,
            const char        *column,
            const char        *list,
            const char        *value,
            const char        *on_date,
            const char        *child)
{
  Pathways903CodeAnswer a;
  char day[11], uk[11];

  if (value == NULL)
    return;
  pathways_903_codes_lookup (k->codes, list, value, on_date, &a);
  if (!a.known)
    {
      ERR (k->data, src, column, value, child,
           /* Translators: "episodes.csv row 4, PLACE ‘Q9’: not a code of the DfE PLACE list" */
           _("%s row %u, %s ‘%s’: not a code of the DfE %s list"), src->file, src->row, column, value, list);
      return;
    }
  if (a.valid)
    return;
  if (a.valid_from[0] != '\0' && on_date != NULL && strcmp (on_date, a.valid_from) < 0)
    {
      pathways_903_date_format (a.valid_from, uk);
      ERR (k->data, src, column, value, child,
           /* Translators: "episodes.csv row 80, PLACE ‘K3’: not valid before 01/04/2024" */
           _("%s row %u, %s ‘%s’: not valid before %s"), src->file, src->row, column, value, uk);
    }
  else
    {
      day_before (a.valid_to[0] ? a.valid_to : on_date, day);
      pathways_903_date_format (day, uk);
      ERR (k->data, src, column, value, child,
           /* Translators: "episodes.csv row 214, PLACE ‘H5’: not valid after 31/03/2025" */
           _("%s row %u, %s ‘%s’: not valid after %s"), src->file, src->row, column, value, uk);
    }
}

static void
check_accom (Checker           *k,
             Pathways903Source *src,
             const char        *value,
             const char        *on_date,
             const char        *child)
{
  Pathways903CodeAnswer a;
  char letter[2];

  if (value == NULL)
    return;
  if (g_str_equal (value, "0"))
    {
      check_code (k, src, "ACCOM", "ACCOM", value, on_date, child);
      return;
    }
  if (strlen (value) != 2 || !g_ascii_isalpha (value[0]) || (value[1] != '1' && value[1] != '2'))
    {
      ERR (k->data, src, "ACCOM", value, child,
           /* Translators: "oc3.csv row 6, ACCOM ‘01’: must be a letter and 1 (suitable) or 2 (not suitable), or 0" */
           _("%s row %u, %s ‘%s’: must be a letter and 1 (suitable) or 2 (not suitable), or 0"), src->file,
           src->row, "ACCOM", value);
      return;
    }
  letter[0] = value[0];
  letter[1] = '\0';
  pathways_903_codes_lookup (k->codes, "ACCOM", letter, on_date, &a);
  if (!a.known)
    {
      ERR (k->data, src, "ACCOM", value, child,
           _("%s row %u, %s ‘%s’: %s is not a kind of accommodation in the DfE ACCOM list"), src->file,
           src->row, "ACCOM", value, letter);
      return;
    }
  if (!a.valid)
    {
      check_code (k, src, "ACCOM", "ACCOM", letter, on_date, child);
      return;
    }
  if (a.unsuitable_only && value[1] == '1')
    ERR (k->data, src, "ACCOM", value, child,
         /* Translators: "oc3.csv row 6, ACCOM ‘S1’: S can only be recorded as not suitable (S2)" */
         _("%s row %u, %s ‘%s’: %s can only be recorded as not suitable (%s2)"), src->file, src->row, "ACCOM",
         value, letter, letter);
}

static void
check_codes_of (Checker          *k,
                Pathways903Table  table,
                gpointer          row)
{
  const TableDesc *t = &tables[table];
  Pathways903Source *src = row;
  const char *child = FIELD (row, &t->columns[0]);

  for (guint i = 0; i < t->n_columns; i++)
    {
      const Column *c = &t->columns[i];
      const char *value = FIELD (row, c);
      const char *on = k->year_start;

      if (value == NULL || (c->kind != K_CODE && c->kind != K_ACCOM))
        continue;

      if (table == PATHWAYS_903_TABLE_EPISODES)
        {
          Pathways903Episode *e = row;
          on = c->offset == offsetof (Pathways903Episode, rec) ? e->dec : e->decom;
        }
      else if (table == PATHWAYS_903_TABLE_REVIEWS)
        on = ((Pathways903Review *) row)->review;
      else if (table == PATHWAYS_903_TABLE_MISSING)
        on = ((Pathways903Missing *) row)->mis_start;

      if (c->kind == K_ACCOM)
        check_accom (k, src, value, on, child);
      else
        check_code (k, src, c->name, c->list, value, on, child);
    }

  /* A placement type must stay valid for the whole episode */
  if (table == PATHWAYS_903_TABLE_EPISODES)
    {
      Pathways903Episode *e = row;
      Pathways903CodeAnswer a;

      if (e->place != NULL && e->decom != NULL)
        {
          pathways_903_codes_lookup (k->codes, "PLACE", e->place, e->decom, &a);
          if (a.valid && a.valid_to[0] != '\0' && (e->dec == NULL || strcmp (e->dec, a.valid_to) > 0))
            {
              char day[11], uk[11];
              day_before (a.valid_to, day);
              pathways_903_date_format (day, uk);
              ERR (k->data, src, "PLACE", e->place, child,
                   _("%s row %u, %s ‘%s’: not valid after %s"), src->file, src->row, "PLACE", e->place, uk);
            }
        }
    }
}

/* PLACE_PROVIDER: blank for temporary and Z1x placements (213), given for the rest (526) */
static gboolean
place_without_provider (const char *place)
{
  return place != NULL && ((place[0] == 'T' && place[1] >= '0' && place[1] <= '4' && place[2] == '\0') ||
                           (place[0] == 'Z' && place[1] == '1'));
}

static void
check_provider (Checker            *k,
                Pathways903Episode *e)
{
  if (e->place == NULL)
    return;
  if (place_without_provider (e->place) && e->place_provider != NULL)
    WARN (k->data, &e->src, "PLACE_PROVIDER", e->place_provider, e->child,
          /* Translators: "episodes.csv row 7, PLACE_PROVIDER ‘PR1’: must be blank for placement T1 (DfE rule 213)" */
          _("%s row %u, %s ‘%s’: must be blank for placement %s (DfE rule 213)"), e->src.file, e->src.row,
          "PLACE_PROVIDER", e->place_provider, e->place);
  else if (!place_without_provider (e->place) && e->place_provider == NULL)
    WARN (k->data, &e->src, "PLACE_PROVIDER", NULL, e->child,
          _("%s row %u, %s: must be given for placement %s (DfE rule 526)"), e->src.file, e->src.row,
          "PLACE_PROVIDER", e->place);
}

static void
check_duplicates (Checker   *k,
                  GPtrArray *rows,
                  size_t     child_offset)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < rows->len; i++)
    {
      Pathways903Source *src = g_ptr_array_index (rows, i);
      const char *child = *(char **) ((char *) src + child_offset);
      Pathways903Source *first;

      if (child == NULL)
        continue;
      first = g_hash_table_lookup (seen, child);
      if (first != NULL)
        {
          if (first->file == src->file)
            ERR (k->data, src, "CHILD", child, child,
                 /* Translators: "header.csv row 40, CHILD ‘1234’: already on row 12" */
                 _("%s row %u, %s ‘%s’: already on row %u"), src->file, src->row, "CHILD", child, first->row);
          else
            ERR (k->data, src, "CHILD", child, child,
                 _("%s row %u, %s ‘%s’: already in %s, row %u"), src->file, src->row, "CHILD", child,
                 first->file, first->row);
        }
      else
        g_hash_table_insert (seen, (gpointer) child, src);
    }
}

/* Episodes of one child, in DECOM order */
static void
check_episode_run (Checker   *k,
                   GPtrArray *run)
{
  char a[11], b[11];

  for (guint i = 1; i < run->len; i++)
    {
      Pathways903Episode *prev = g_ptr_array_index (run, i - 1);
      Pathways903Episode *e = g_ptr_array_index (run, i);

      if (g_strcmp0 (prev->decom, e->decom) == 0)
        {
          pathways_903_date_format (e->decom, a);
          ERR (k->data, &e->src, "DECOM", a, e->child,
               /* Translators: "episodes.csv row 30, DECOM 01/05/2024: CHILD ‘77’ already has an episode starting that day (row 29)" */
               _("%s row %u, %s %s: CHILD ‘%s’ already has an episode starting that day (row %u)"), e->src.file,
               e->src.row, "DECOM", a, e->child, prev->src.row);
          continue;
        }
      if (prev->dec == NULL || strcmp (e->decom, prev->dec) < 0)
        {
          pathways_903_date_format (e->decom, a);
          pathways_903_date_format (prev->decom, b);
          ERR (k->data, &e->src, "DECOM", a, e->child,
               /* Translators: "episodes.csv row 31, DECOM 01/05/2024: overlaps the episode of CHILD ‘77’ from 01/01/2024 (row 30)" */
               _("%s row %u, %s %s: overlaps the episode of CHILD ‘%s’ from %s (row %u)"), e->src.file,
               e->src.row, "DECOM", a, e->child, b, prev->src.row);
          continue;
        }
      if (g_strcmp0 (prev->rec, "X1") == 0 && strcmp (e->decom, prev->dec) != 0)
        {
          pathways_903_date_format (prev->dec, a);
          WARN (k->data, &prev->src, "REC", "X1", e->child,
                /* Translators: "episodes.csv row 30, REC ‘X1’: no episode of CHILD ‘77’ starts on 01/05/2024, the day it ends" */
                _("%s row %u, %s ‘%s’: no episode of CHILD ‘%s’ starts on %s, the day it ends"), prev->src.file,
                prev->src.row, "REC", "X1", e->child, a);
        }
      if (e->rne != NULL && !g_str_equal (e->rne, "S") &&
          (strcmp (e->decom, prev->dec) != 0 || g_strcmp0 (prev->rec, "X1") != 0))
        {
          pathways_903_date_format (e->decom, a);
          WARN (k->data, &e->src, "RNE", e->rne, e->child,
                /* Translators: "episodes.csv row 31, RNE ‘P’: no episode of CHILD ‘77’ ends with X1 on 01/05/2024, so care was not continuous" */
                _("%s row %u, %s ‘%s’: no episode of CHILD ‘%s’ ends with X1 on %s, so care was not continuous"),
                e->src.file, e->src.row, "RNE", e->rne, e->child, a);
        }
    }

  if (run->len > 0)
    {
      Pathways903Episode *last = g_ptr_array_index (run, run->len - 1);

      if (g_strcmp0 (last->rec, "X1") == 0 && last->dec != NULL)
        {
          pathways_903_date_format (last->dec, a);
          WARN (k->data, &last->src, "REC", "X1", last->child,
                _("%s row %u, %s ‘%s’: no episode of CHILD ‘%s’ starts on %s, the day it ends"), last->src.file,
                last->src.row, "REC", "X1", last->child, a);
        }
    }
}

static void
check_episodes (Checker *k)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autoptr(GPtrArray) run = g_ptr_array_new ();

  for (guint i = 0; i < k->data->episodes->len; i++)
    {
      Pathways903Episode *e = g_ptr_array_index (k->data->episodes, i);

      check_provider (k, e);
      if (e->child != NULL && e->decom != NULL)
        g_ptr_array_add (sorted, e);
    }
  g_ptr_array_sort (sorted, pathways_903_episode_compare);

  for (guint i = 0; i <= sorted->len; i++)
    {
      Pathways903Episode *e = i < sorted->len ? g_ptr_array_index (sorted, i) : NULL;

      if (run->len > 0 && (e == NULL || !g_str_equal (e->child, ((Pathways903Episode *) run->pdata[0])->child)))
        {
          check_episode_run (k, run);
          g_ptr_array_set_size (run, 0);
        }
      if (e != NULL)
        g_ptr_array_add (run, e);
    }
}

/* Rows of other tables against the Header: the child is there, with the same DOB */
static void
check_against_header (Checker          *k,
                      GHashTable       *header,
                      Pathways903Table  table)
{
  GPtrArray *rows = rows_of (k->data, table);
  const TableDesc *t = &tables[table];
  int dob = column_index (t, "DOB");
  g_autoptr(GHashTable) warned = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < rows->len; i++)
    {
      gpointer row = g_ptr_array_index (rows, i);
      Pathways903Source *src = row;
      const char *child = FIELD (row, &t->columns[0]);
      Pathways903Child *h;

      if (child == NULL)
        continue;
      h = g_hash_table_lookup (header, child);
      if (h == NULL)
        {
          if (!g_hash_table_contains (warned, child))
            {
              g_hash_table_add (warned, (gpointer) child);
              WARN (k->data, src, "CHILD", child, child,
                    /* Translators: "oc3.csv row 3, CHILD ‘999’: not in the Header table" */
                    _("%s row %u, %s ‘%s’: not in the Header table"), src->file, src->row, "CHILD", child);
            }
          continue;
        }
      if (dob >= 0)
        {
          const char *d = FIELD (row, &t->columns[dob]);
          if (d != NULL && h->dob != NULL && !g_str_equal (d, h->dob))
            {
              char a[11], b[11];
              pathways_903_date_format (d, a);
              pathways_903_date_format (h->dob, b);
              ERR (k->data, src, "DOB", a, child,
                   /* Translators: "oc3.csv row 3, DOB 01/02/2007: the Header table gives 02/01/2007 for CHILD ‘12’" */
                   _("%s row %u, %s %s: the Header table gives %s for CHILD ‘%s’"), src->file, src->row, "DOB",
                   a, b, child);
            }
        }
      if (table == PATHWAYS_903_TABLE_EPISODES)
        {
          Pathways903Episode *e = row;
          if (e->decom && h->dob && strcmp (e->decom, h->dob) < 0)
            {
              char a[11], b[11];
              pathways_903_date_format (e->decom, a);
              pathways_903_date_format (h->dob, b);
              ERR (k->data, src, "DECOM", a, child,
                   _("%s row %u, %s %s: before the date of birth %s of CHILD ‘%s’"), src->file, src->row,
                   "DECOM", a, b, child);
            }
        }
    }
}

static void
check_oc3_all_or_none (Checker        *k,
                       Pathways903Oc3 *o)
{
  int n = (o->in_touch != NULL) + (o->activ != NULL) + (o->accom != NULL);

  if (n != 0 && n != 3)
    ERR (k->data, &o->src, o->in_touch == NULL ? "IN_TOUCH" : o->activ == NULL ? "ACTIV" : "ACCOM", NULL, o->child,
         /* Translators: "oc3.csv row 4: IN_TOUCH, ACTIV and ACCOM must all be given or all be blank (DfE rule 153)" */
         _("%s row %u: IN_TOUCH, ACTIV and ACCOM must all be given or all be blank (DfE rule 153)"), o->src.file,
         o->src.row);
}

/**
 * pathways_903_data_guess_year:
 *
 * Returns: the collection year of the latest date in the episodes,
 *   reviews and missing episodes, or of today when there is none
 */
int
pathways_903_data_guess_year (Pathways903Data *d)
{
  const char *latest = NULL;
  g_autoptr(GDateTime) now = NULL;

  for (guint i = 0; i < d->episodes->len; i++)
    {
      Pathways903Episode *e = g_ptr_array_index (d->episodes, i);
      if (e->decom && g_strcmp0 (e->decom, latest) > 0)
        latest = e->decom;
      if (e->dec && g_strcmp0 (e->dec, latest) > 0)
        latest = e->dec;
    }
  for (guint i = 0; i < d->reviews->len; i++)
    {
      Pathways903Review *r = g_ptr_array_index (d->reviews, i);
      if (r->review && g_strcmp0 (r->review, latest) > 0)
        latest = r->review;
    }
  for (guint i = 0; i < d->missing->len; i++)
    {
      Pathways903Missing *m = g_ptr_array_index (d->missing, i);
      if (m->mis_start && g_strcmp0 (m->mis_start, latest) > 0)
        latest = m->mis_start;
    }
  if (latest != NULL)
    return pathways_903_collection_year_of (latest);

  now = g_date_time_new_now_local ();
  return g_date_time_get_month (now) >= 4 ? g_date_time_get_year (now) + 1 : g_date_time_get_year (now);
}

/**
 * pathways_903_data_check:
 * @codes: the code lists and their dates
 * @collection_year: the year whose first day (1 April) dates the codes of
 *   tables without dates of their own (Header, UASC, OC3); 0 to guess it
 *   from the episodes
 *
 * Adds a problem for every code not valid on its row's dates and for
 * the rules across rows.  Rows with errors are marked bad.
 */
void
pathways_903_data_check (Pathways903Data        *d,
                         const Pathways903Codes *codes,
                         int                     collection_year)
{
  Checker k = { d, codes };
  g_autoptr(GHashTable) header = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_if_fail (d != NULL);

  if (collection_year <= 0)
    collection_year = pathways_903_data_guess_year (d);
  pathways_903_collection_dates (collection_year, k.year_start, k.year_end);

  for (Pathways903Table t = PATHWAYS_903_TABLE_HEADER; t <= PATHWAYS_903_TABLE_MISSING; t++)
    {
      GPtrArray *rows = rows_of (d, t);
      for (guint i = 0; i < rows->len; i++)
        check_codes_of (&k, t, g_ptr_array_index (rows, i));
    }

  check_duplicates (&k, d->children, offsetof (Pathways903Child, child));
  check_duplicates (&k, d->uasc, offsetof (Pathways903Uasc, child));
  check_duplicates (&k, d->oc3, offsetof (Pathways903Oc3, child));
  for (guint i = 0; i < d->oc3->len; i++)
    check_oc3_all_or_none (&k, g_ptr_array_index (d->oc3, i));
  check_episodes (&k);

  if (d->children->len > 0)
    {
      for (guint i = 0; i < d->children->len; i++)
        {
          Pathways903Child *c = g_ptr_array_index (d->children, i);
          if (c->child != NULL && !g_hash_table_contains (header, c->child))
            g_hash_table_insert (header, c->child, c);
        }
      for (Pathways903Table t = PATHWAYS_903_TABLE_EPISODES; t <= PATHWAYS_903_TABLE_MISSING; t++)
        check_against_header (&k, header, t);
    }
}

/* Writing -------------------------------------------------------------------- */

void
pathways_903_append_header_row (GString          *out,
                                Pathways903Table  table)
{
  const TableDesc *t;

  g_return_if_fail (table > PATHWAYS_903_TABLE_NONE && table < PATHWAYS_903_N_TABLES);
  t = &tables[table];
  for (guint i = 0; i < t->n_columns; i++)
    pathways_csv_append_field (out, t->columns[i].name, i + 1 == t->n_columns);
}

static void
append_row (GString          *out,
            Pathways903Table  table,
            gconstpointer     row)
{
  const TableDesc *t = &tables[table];

  for (guint i = 0; i < t->n_columns; i++)
    {
      const Column *c = &t->columns[i];
      const char *v = CFIELD (row, c);
      char uk[11];

      if (c->kind == K_DATE && v != NULL)
        {
          pathways_903_date_format (v, uk);
          v = uk;
        }
      pathways_csv_append_field (out, v, i + 1 == t->n_columns);
    }
}

void
pathways_903_append_child (GString                *out,
                           const Pathways903Child *child)
{
  append_row (out, PATHWAYS_903_TABLE_HEADER, child);
}

void
pathways_903_append_episode (GString                  *out,
                             const Pathways903Episode *episode)
{
  append_row (out, PATHWAYS_903_TABLE_EPISODES, episode);
}

void
pathways_903_append_oc3 (GString              *out,
                         const Pathways903Oc3 *oc3)
{
  append_row (out, PATHWAYS_903_TABLE_OC3, oc3);
}
