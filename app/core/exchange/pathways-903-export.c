/* pathways-903-export.c — writing the SSDA903 return for a collection year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-exchange"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "pathways-903-export.h"
#include "pathways-exchange.h"
#include "pathways-format.h"

#define HEADER_CSV   "header.csv"
#define EPISODES_CSV "episodes.csv"
#define OC3_CSV      "oc3.csv"

/* Children ------------------------------------------------------------------- */

void
pathways_903_contact_free (Pathways903Contact *c)
{
  if (c == NULL)
    return;
  g_free (c->date);
  g_free (c->in_touch);
  g_free (c->activ);
  g_free (c->accom);
  g_free (c);
}

/**
 * pathways_903_export_child_new:
 * @header: (transfer full): the child's Header values
 */
Pathways903ExportChild *
pathways_903_export_child_new (Pathways903Child *header)
{
  Pathways903ExportChild *c = g_new0 (Pathways903ExportChild, 1);

  c->header = header;
  c->episodes = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_903_episode_free);
  c->contacts = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_903_contact_free);
  return c;
}

void
pathways_903_export_child_free (Pathways903ExportChild *c)
{
  if (c == NULL)
    return;
  g_clear_pointer (&c->header, pathways_903_child_free);
  g_ptr_array_unref (c->episodes);
  g_ptr_array_unref (c->contacts);
  g_free (c);
}

void
pathways_903_export_child_add_contact (Pathways903ExportChild *child,
                                       const char             *date,
                                       const char             *in_touch,
                                       const char             *activ,
                                       const char             *accom)
{
  Pathways903Contact *c = g_new0 (Pathways903Contact, 1);

  c->date = g_strdup (date);
  c->in_touch = g_strdup (in_touch);
  c->activ = g_strdup (activ);
  c->accom = g_strdup (accom);
  g_ptr_array_add (child->contacts, c);
}

/* Helpers -------------------------------------------------------------------- */

static char *
birthday (const char *dob,
          int         years)
{
  return dob ? pathways_date_birthday (dob, years) : NULL;
}

static gboolean
in_range (const char *iso,
          const char *start,
          const char *end)
{
  return iso != NULL && strcmp (iso, start) >= 0 && strcmp (iso, end) <= 0;
}

/* The birthday (17 to 21) that falls in the year, or 0 */
static int
cohort_age (const char *dob,
            const char *start,
            const char *end,
            char      **out_birthday)
{
  for (int age = 17; age <= 21; age++)
    {
      g_autofree char *b = birthday (dob, age);
      if (in_range (b, start, end))
        {
          if (out_birthday)
            *out_birthday = g_steal_pointer (&b);
          return age;
        }
    }
  return 0;
}

/* Looked after on @day, or left care on it or later (rules 1007 and 1016) */
static gboolean
looked_after_on (GPtrArray  *episodes,
                 const char *day)
{
  for (guint i = 0; i < episodes->len; i++)
    {
      Pathways903Episode *e = g_ptr_array_index (episodes, i);
      if (e->decom && strcmp (e->decom, day) <= 0 && (e->dec == NULL || strcmp (e->dec, day) >= 0))
        return TRUE;
    }
  return FALSE;
}

static Pathways903Episode *
last_episode (GPtrArray *episodes)
{
  Pathways903Episode *last = NULL;

  for (guint i = 0; i < episodes->len; i++)
    {
      Pathways903Episode *e = g_ptr_array_index (episodes, i);
      if (e->decom && (last == NULL || strcmp (e->decom, last->decom) > 0))
        last = e;
    }
  return last;
}

static gboolean
died_in_care (GPtrArray *episodes)
{
  for (guint i = 0; i < episodes->len; i++)
    if (g_strcmp0 (((Pathways903Episode *) g_ptr_array_index (episodes, i))->rec, "E2") == 0)
      return TRUE;
  return FALSE;
}

/* The contact recorded closest to @day; on a tie the earlier one */
static Pathways903Contact *
closest_contact (GPtrArray  *contacts,
                 const char *day)
{
  Pathways903Contact *best = NULL;
  int best_gap = G_MAXINT;

  for (guint i = 0; i < contacts->len; i++)
    {
      Pathways903Contact *c = g_ptr_array_index (contacts, i);
      int gap;

      if (c->date == NULL)
        continue;
      gap = abs (pathways_date_days_between (day, c->date));
      if (gap < best_gap || (gap == best_gap && best != NULL && strcmp (c->date, best->date) < 0))
        {
          best = c;
          best_gap = gap;
        }
    }
  return best;
}

static void
breach (Pathways903Data   *d,
        Pathways903Source *src,
        const char        *column,
        const char        *value,
        const char        *child,
        const char        *rule,
        char              *message)
{
  PathwaysExchangeProblem *p = pathways_exchange_problem_add (d->problems, PATHWAYS_PROBLEM_ERROR, src->file, src->row,
                                                    column, value, child, message);
  p->rule = g_strdup (rule);
  src->bad = TRUE;
  d->n_errors++;
}

#define BREACH(d, src, col, val, child, rule, ...) \
  breach (d, src, col, val, child, rule, g_strdup_printf (__VA_ARGS__))

/* The checks ----------------------------------------------------------------- */

static gboolean
one_of (const char         *value,
        const char * const *list)
{
  for (guint i = 0; value != NULL && list[i] != NULL; i++)
    if (g_str_equal (value, list[i]))
      return TRUE;
  return FALSE;
}

static void
check_oc3_row (Pathways903Data  *d,
               Pathways903Oc3   *o,
               GHashTable       *episodes_by_child,
               const char       *start,
               const char       *end)
{
  g_autofree char *b17 = NULL, *b18 = NULL, *bday = NULL;
  char uk[11], uk2[11];
  int age;

  if (o->dob == NULL || o->child == NULL)
    return;
  b17 = birthday (o->dob, 17);
  b18 = birthday (o->dob, 18);

  if (o->in_touch && (g_str_equal (o->in_touch, "DIED") || g_str_equal (o->in_touch, "RHOM")))
    {
      if (o->activ && !g_str_equal (o->activ, "0"))
        BREACH (d, &o->src, "ACTIV", o->activ, o->child, "344",
                /* Translators: "oc3.csv row 4, CHILD ‘12’, ACTIV ‘F1’: must be 0 when IN_TOUCH is DIED (DfE rule 344)" */
                _("%s row %u, CHILD ‘%s’, %s ‘%s’: must be 0 when IN_TOUCH is %s (DfE rule 344)"), o->src.file,
                o->src.row, o->child, "ACTIV", o->activ, o->in_touch);
      if (o->accom && !g_str_equal (o->accom, "0"))
        BREACH (d, &o->src, "ACCOM", o->accom, o->child, "344",
                _("%s row %u, CHILD ‘%s’, %s ‘%s’: must be 0 when IN_TOUCH is %s (DfE rule 344)"), o->src.file,
                o->src.row, o->child, "ACCOM", o->accom, o->in_touch);
    }
  if (g_strcmp0 (o->in_touch, "YES") == 0)
    {
      if (g_strcmp0 (o->activ, "0") == 0)
        BREACH (d, &o->src, "ACTIV", "0", o->child, "345",
                /* Translators: "oc3.csv row 4, CHILD ‘12’, ACTIV ‘0’: must not be 0 when IN_TOUCH is YES (DfE rule 345)" */
                _("%s row %u, CHILD ‘%s’, %s ‘0’: must not be 0 when IN_TOUCH is YES (DfE rule 345)"), o->src.file,
                o->src.row, o->child, "ACTIV");
      if (g_strcmp0 (o->accom, "0") == 0)
        BREACH (d, &o->src, "ACCOM", "0", o->child, "345",
                _("%s row %u, CHILD ‘%s’, %s ‘0’: must not be 0 when IN_TOUCH is YES (DfE rule 345)"), o->src.file,
                o->src.row, o->child, "ACCOM");
    }

  /* 347 as meant: the validator compares ACCOM with "T", which never matches T1 or T2 */
  if (o->accom && o->accom[0] == 'T' && b18 && strcmp (b18, start) > 0)
    {
      pathways_903_date_format (b18, uk);
      BREACH (d, &o->src, "ACCOM", o->accom, o->child, "347",
              /* Translators: "oc3.csv row 4, CHILD ‘12’, ACCOM ‘T1’: a foyer is not allowed under 18 (18th birthday 02/05/2025; DfE rule 347)" */
              _("%s row %u, CHILD ‘%s’, ACCOM ‘%s’: a foyer is not allowed under 18 (18th birthday %s; DfE rule 347)"),
              o->src.file, o->src.row, o->child, o->accom, uk);
    }

  if (o->accom && o->accom[0] == 'Z' && in_range (b17, start, end))
    BREACH (d, &o->src, "ACCOM", o->accom, o->child, "3001",
            /* Translators: "oc3.csv row 4, CHILD ‘12’, ACCOM ‘Z1’: Staying Put is not allowed in the year of the 17th birthday (DfE rule 3001)" */
            _("%s row %u, CHILD ‘%s’, ACCOM ‘%s’: Staying Put is not allowed in the year of the 17th birthday (DfE rule 3001)"),
            o->src.file, o->src.row, o->child, o->accom);

  age = cohort_age (o->dob, start, end, &bday);
  if (age == 0)
    {
      pathways_903_date_format (o->dob, uk);
      BREACH (d, &o->src, "DOB", uk, o->child, "391",
              /* Translators: "oc3.csv row 4, CHILD ‘12’, DOB 01/01/2012: no 17th to 21st birthday falls in the collection year (DfE rule 391)" */
              _("%s row %u, CHILD ‘%s’, DOB %s: no 17th to 21st birthday falls in the collection year (DfE rule 391)"),
              o->src.file, o->src.row, o->child, uk);
    }
  else if ((age == 17 || age == 18) && episodes_by_child != NULL)
    {
      GPtrArray *eps = g_hash_table_lookup (episodes_by_child, o->child);
      if (eps != NULL && looked_after_on (eps, bday))
        {
          pathways_903_date_format (bday, uk2);
          BREACH (d, &o->src, "CHILD", o->child, o->child, "1007",
                  /* Translators: "oc3.csv row 4, CHILD ‘12’: looked after on their birthday, 02/05/2025, or left care later, so no OC3 is due (DfE rules 1007 and 1016)" */
                  _("%s row %u, CHILD ‘%s’: looked after on their birthday, %s, or left care later, so no OC3 is due (DfE rules 1007 and 1016)"),
                  o->src.file, o->src.row, o->child, uk2);
        }
    }
}

static void
check_episode_row (Pathways903Data    *d,
                   Pathways903Episode *e,
                   Pathways903Child   *h)
{
  static const char *const pr12[] = { "P1", "R2", "R5", NULL };
  static const char *const pr3[] = { "P1", "A3", "A4", "A5", "A6", "K1", "K2", "U1", "U2", "U3", "U4", "U5", "U6", NULL };
  static const char *const p1[] = { "P1", NULL };
  const char *pp = e->place_provider;
  const char *rule = NULL;
  char a[11], b[11];

  if (pp != NULL && e->place != NULL)
    {
      if (g_str_equal (pp, "PR1") && one_of (e->place, pr12))
        rule = "527";
      else if (g_str_equal (pp, "PR2") && one_of (e->place, pr12))
        rule = "528";
      else if (g_str_equal (pp, "PR3") && one_of (e->place, pr3))
        rule = "529";
      else if (g_str_equal (pp, "PR4") && one_of (e->place, p1))
        rule = "530";
      else if (g_str_equal (pp, "PR5") && one_of (e->place, p1))
        rule = "531";
      else if (g_str_equal (pp, "PR0") && !one_of (e->place, p1))
        rule = "550";
      if (rule != NULL)
        BREACH (d, &e->src, "PLACE_PROVIDER", pp, e->child, rule,
                /* Translators: "episodes.csv row 9, CHILD ‘12’, PLACE_PROVIDER ‘PR4’: not allowed with placement P1 (DfE rule 530)" */
                _("%s row %u, CHILD ‘%s’, PLACE_PROVIDER ‘%s’: not allowed with placement %s (DfE rule %s)"),
                e->src.file, e->src.row, e->child, pp, e->place, rule);
    }

  if (h == NULL || h->dob == NULL)
    return;

  if (g_strcmp0 (e->place, "K3") == 0 && e->decom != NULL)
    {
      g_autofree char *b16 = birthday (h->dob, 16);
      if (b16 && strcmp (e->decom, b16) < 0)
        {
          pathways_903_date_format (e->decom, a);
          pathways_903_date_format (b16, b);
          BREACH (d, &e->src, "PLACE", "K3", e->child, "371",
                  /* Translators: "episodes.csv row 9, CHILD ‘12’, PLACE ‘K3’: starts on 01/05/2024, before the 16th birthday on 02/06/2024 (DfE rule 371)" */
                  _("%s row %u, CHILD ‘%s’, PLACE ‘K3’: starts on %s, before the 16th birthday on %s (DfE rule 371)"),
                  e->src.file, e->src.row, e->child, a, b);
        }
    }
  if (g_strcmp0 (e->rec, "E17") == 0 && e->dec != NULL)
    {
      g_autofree char *b18 = birthday (h->dob, 18);
      if (b18 && strcmp (e->dec, b18) < 0)
        {
          pathways_903_date_format (e->dec, a);
          pathways_903_date_format (b18, b);
          BREACH (d, &e->src, "REC", "E17", e->child, "460",
                  /* Translators: "episodes.csv row 9, CHILD ‘12’, REC ‘E17’: the episode ends on 01/05/2024, before the 18th birthday on 02/06/2024 (DfE rule 460)" */
                  _("%s row %u, CHILD ‘%s’, REC ‘E17’: the episode ends on %s, before the 18th birthday on %s (DfE rule 460)"),
                  e->src.file, e->src.row, e->child, a, b);
        }
    }
}

/**
 * pathways_903_check_return:
 * @tables: the Header, Episodes and OC3 rows of a return
 *
 * Checks a return against the DfE's rules: every code valid on its
 * dates and the rules across rows (as when importing), and the OC3 and
 * Episodes rules of the validator (153, 344, 345, 347, 3001, 391, 1007,
 * 1016, 213, 526, 527–531, 550, 371, 460).  Every breach is added to
 * @tables->problems.
 *
 * Returns: the number of breaches (errors and warnings)
 */
guint
pathways_903_check_return (Pathways903Data        *tables,
                           int                     year,
                           const Pathways903Codes *codes)
{
  g_autoptr(GHashTable) header = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) episodes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                          (GDestroyNotify) g_ptr_array_unref);
  char start[11], end[11];

  g_return_val_if_fail (tables != NULL, 0);

  pathways_903_collection_dates (year, start, end);
  pathways_903_data_check (tables, codes, year);

  for (guint i = 0; i < tables->children->len; i++)
    {
      Pathways903Child *h = g_ptr_array_index (tables->children, i);
      if (h->child && !g_hash_table_contains (header, h->child))
        g_hash_table_insert (header, h->child, h);
    }
  for (guint i = 0; i < tables->episodes->len; i++)
    {
      Pathways903Episode *e = g_ptr_array_index (tables->episodes, i);
      GPtrArray *list;

      if (e->child == NULL)
        continue;
      check_episode_row (tables, e, g_hash_table_lookup (header, e->child));
      list = g_hash_table_lookup (episodes, e->child);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (episodes, e->child, list);
        }
      g_ptr_array_add (list, e);
    }
  for (guint i = 0; i < tables->oc3->len; i++)
    check_oc3_row (tables, g_ptr_array_index (tables->oc3, i), episodes, start, end);

  return tables->n_errors + tables->n_warnings;
}

/* Building ------------------------------------------------------------------- */

static int
child_order (gconstpointer a,
             gconstpointer b)
{
  const Pathways903ExportChild *x = *(Pathways903ExportChild * const *) a;
  const Pathways903ExportChild *y = *(Pathways903ExportChild * const *) b;
  return g_strcmp0 (x->header->child, y->header->child);
}

static Pathways903Child *
copy_child (const Pathways903Child *h)
{
  Pathways903Child *c = g_new0 (Pathways903Child, 1);

  c->child = g_strdup (h->child);
  c->sex = g_strdup (h->sex);
  c->dob = g_strdup (h->dob);
  c->ethnic = g_strdup (h->ethnic);
  c->upn = g_strdup (h->upn);
  c->mother = g_strdup (h->mother);
  c->mc_dob = g_strdup (h->mc_dob);
  return c;
}

/**
 * pathways_903_export_build:
 * @children: (element-type Pathways903ExportChild): everyone Pathways holds
 * @year: the collection year (2026: 01/04/2025 to 31/03/2026)
 *
 * Returns: (transfer full): the return's rows and every breach of the rules
 */
Pathways903Export *
pathways_903_export_build (GPtrArray              *children,
                           int                     year,
                           const Pathways903Codes *codes)
{
  Pathways903Export *x = g_new0 (Pathways903Export, 1);
  g_autoptr(GPtrArray) sorted = g_ptr_array_sized_new (children->len);
  const char *header_file = g_intern_static_string (HEADER_CSV);
  const char *episodes_file = g_intern_static_string (EPISODES_CSV);
  const char *oc3_file = g_intern_static_string (OC3_CSV);

  x->year = year;
  pathways_903_collection_dates (year, x->start, x->end);
  x->tables = pathways_903_data_new ();
  /* (g_ptr_array_copy() would take the free function too) */
  for (guint i = 0; i < children->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (children, i));
  g_ptr_array_sort (sorted, child_order);

  for (guint i = 0; i < sorted->len; i++)
    {
      Pathways903ExportChild *c = g_ptr_array_index (sorted, i);
      g_autoptr(GPtrArray) in_year = g_ptr_array_new ();
      g_autofree char *bday = NULL;
      Pathways903Oc3 *o = NULL;
      Pathways903Episode *last;
      int age;

      if (c->header == NULL || c->header->child == NULL)
        continue;

      for (guint j = 0; j < c->episodes->len; j++)
        {
          Pathways903Episode *e = g_ptr_array_index (c->episodes, j);
          if (e->decom && strcmp (e->decom, x->end) <= 0 && (e->dec == NULL || strcmp (e->dec, x->start) >= 0))
            g_ptr_array_add (in_year, e);
        }
      g_ptr_array_sort (in_year, pathways_903_episode_compare);

      age = cohort_age (c->header->dob, x->start, x->end, &bday);
      last = last_episode (c->episodes);
      if (age > 0 && c->care_leaver && c->episodes->len > 0 && !died_in_care (c->episodes) &&
          !(last && g_strcmp0 (last->rec, "E3") == 0) &&
          !((age == 17 || age == 18) && looked_after_on (c->episodes, bday)))
        {
          Pathways903Contact *k = closest_contact (c->contacts, bday);

          o = g_new0 (Pathways903Oc3, 1);
          o->child = g_strdup (c->header->child);
          o->dob = g_strdup (c->header->dob);
          if (k != NULL)
            {
              o->in_touch = g_strdup (k->in_touch);
              o->activ = g_strdup (k->activ);
              o->accom = g_strdup (k->accom);
            }
        }

      if (in_year->len == 0 && o == NULL)
        continue;

      {
        Pathways903Child *h = copy_child (c->header);
        /* SEX is 1/2 before 2024/25, M/F/U from then */
        if (year < 2025 && h->sex != NULL && (g_str_equal (h->sex, "M") || g_str_equal (h->sex, "F")))
          {
            char *code = g_strdup (g_str_equal (h->sex, "M") ? "1" : "2");
            g_free (h->sex);
            h->sex = code;
          }
        h->src.file = header_file;
        h->src.row = x->tables->children->len + 2;
        g_ptr_array_add (x->tables->children, h);
      }
      for (guint j = 0; j < in_year->len; j++)
        {
          Pathways903Episode *e = pathways_903_episode_copy (g_ptr_array_index (in_year, j));
          /* Still open on 31 March as far as this year's return knows */
          if (e->dec != NULL && strcmp (e->dec, x->end) > 0)
            {
              g_clear_pointer (&e->dec, g_free);
              g_clear_pointer (&e->rec, g_free);
            }
          e->src.file = episodes_file;
          e->src.row = x->tables->episodes->len + 2;
          e->src.bad = FALSE;
          g_ptr_array_add (x->tables->episodes, e);
        }
      if (o != NULL)
        {
          o->src.file = oc3_file;
          o->src.row = x->tables->oc3->len + 2;
          g_ptr_array_add (x->tables->oc3, o);
          if (o->in_touch == NULL && o->activ == NULL && o->accom == NULL)
            {
              char uk[11];
              pathways_903_date_format (bday, uk);
              BREACH (x->tables, &o->src, "IN_TOUCH", NULL, o->child, NULL,
                      /* Translators: "oc3.csv row 4, CHILD ‘12’: no IN_TOUCH, ACTIV or ACCOM recorded for the birthday on 02/05/2025" */
                      _("%s row %u, CHILD ‘%s’: no IN_TOUCH, ACTIV or ACCOM recorded for the birthday on %s"),
                      o->src.file, o->src.row, o->child, uk);
            }
        }
    }

  x->n_breaches = pathways_903_check_return (x->tables, year, codes);
  return x;
}

void
pathways_903_export_free (Pathways903Export *x)
{
  if (x == NULL)
    return;
  pathways_903_data_free (x->tables);
  g_free (x);
}

/**
 * pathways_903_export_table_csv:
 * @table: Header, Episodes or OC3
 *
 * Returns: (transfer full): the table as CSV, exactly the DfE columns
 */
GString *
pathways_903_export_table_csv (Pathways903Export *x,
                               Pathways903Table   table)
{
  GString *out = g_string_new (NULL);
  GPtrArray *rows = NULL;

  g_return_val_if_fail (table == PATHWAYS_903_TABLE_HEADER || table == PATHWAYS_903_TABLE_EPISODES ||
                        table == PATHWAYS_903_TABLE_OC3, out);

  pathways_903_append_header_row (out, table);
  rows = table == PATHWAYS_903_TABLE_HEADER ? x->tables->children
         : table == PATHWAYS_903_TABLE_EPISODES ? x->tables->episodes : x->tables->oc3;
  for (guint i = 0; i < rows->len; i++)
    {
      gpointer r = g_ptr_array_index (rows, i);
      if (table == PATHWAYS_903_TABLE_HEADER)
        pathways_903_append_child (out, r);
      else if (table == PATHWAYS_903_TABLE_EPISODES)
        pathways_903_append_episode (out, r);
      else
        pathways_903_append_oc3 (out, r);
    }
  return out;
}

/**
 * pathways_903_export_write:
 * @directory: where header.csv, episodes.csv and oc3.csv go
 * @force: write even when the return breaches the DfE rules
 *
 * Writes the three files together (all or none), private to the user.
 */
gboolean
pathways_903_export_write (Pathways903Export  *x,
                           const char         *directory,
                           gboolean            force,
                           GError            **error)
{
  g_autofree char *h = NULL, *e = NULL, *o = NULL;
  g_autoptr(GString) hs = NULL, es = NULL, os = NULL;

  g_return_val_if_fail (x != NULL && directory != NULL, FALSE);

  if (x->n_breaches > 0 && !force)
    {
      g_set_error (error, PATHWAYS_EXCHANGE_ERROR, PATHWAYS_EXCHANGE_ERROR_BREACHES,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The return breaks %u DfE rule: nothing was written. Correct it, or write the files anyway.",
                                "The return breaks DfE rules %u times: nothing was written. Correct them, or write the files anyway.",
                                x->n_breaches),
                   x->n_breaches);
      return FALSE;
    }

  h = g_build_filename (directory, HEADER_CSV, NULL);
  e = g_build_filename (directory, EPISODES_CSV, NULL);
  o = g_build_filename (directory, OC3_CSV, NULL);
  hs = pathways_903_export_table_csv (x, PATHWAYS_903_TABLE_HEADER);
  es = pathways_903_export_table_csv (x, PATHWAYS_903_TABLE_EPISODES);
  os = pathways_903_export_table_csv (x, PATHWAYS_903_TABLE_OC3);
  {
    const char *paths[] = { h, e, o };
    GString *contents[] = { hs, es, os };
    return pathways_exchange_write_files (3, paths, contents, error);
  }
}
