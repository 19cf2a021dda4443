/* pathways-budget.c — the placements budget: spend, forecast, variance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-budget"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pathways-budget.h"
#include "pathways-format.h"

#define N_MONTHS 12

/* Pure pieces ---------------------------------------------------------- */

static gboolean
day_of (const char  *iso,
        PathwaysDay *out)
{
  return iso != NULL && pathways_day_from_iso (iso, out);
}

/* Nights of [s, e) inside [from, to] (days) */
static int
nights_between (PathwaysDay s,
                PathwaysDay e,     /* PATHWAYS_DAY_NONE: open */
                PathwaysDay from,
                PathwaysDay to)
{
  PathwaysDay lo = MAX (s, from);
  PathwaysDay hi = e == PATHWAYS_DAY_NONE ? to + 1 : MIN (e, to + 1);

  return hi > lo ? (int) (hi - lo) : 0;
}

/**
 * pathways_budget_nights_in_period:
 *
 * Returns: the nights from @start up to the day before @end that fall
 * between @from and @to (both included); 0 when a date is not one
 */
int
pathways_budget_nights_in_period (const char *start,
                                  const char *end,
                                  const char *from,
                                  const char *to)
{
  PathwaysDay s, e = PATHWAYS_DAY_NONE, f, t;

  if (!day_of (start, &s) || !day_of (from, &f) || !day_of (to, &t) ||
      (end != NULL && !day_of (end, &e)))
    return 0;
  return nights_between (s, e, f, t);
}

gint64
pathways_budget_cost_of_nights (gint64 weekly,
                                int    nights)
{
  /* Exact in integers: pence × nights ÷ 7, half a penny up */
  gint64 n = weekly * (gint64) nights;

  return n >= 0 ? (n + 3) / 7 : -((-n + 3) / 7);
}

void
pathways_budget_decompose (gint64            budget_gross,
                           double            budget_weeks,
                           gint64            budget_income,
                           gint64            forecast_gross,
                           double            forecast_weeks,
                           gint64            forecast_income,
                           PathwaysVariance *out)
{
  g_return_if_fail (out != NULL);

  out->total = (forecast_gross - forecast_income) - (budget_gross - budget_income);
  if (budget_weeks > 0)
    out->volume = (gint64) llround ((forecast_weeks - budget_weeks) * ((double) budget_gross / budget_weeks));
  else
    /* No placement-weeks budgeted: no unit cost to compare with, and all
     * of the difference in gross spend is volume */
    out->volume = forecast_gross - budget_gross;
  out->income = budget_income - forecast_income;
  out->unit_cost = out->total - out->volume - out->income;
}

int
pathways_budget_year_of (const char *iso)
{
  int y, m;

  if (iso == NULL || strlen (iso) < 7)
    return 0;
  y = atoi (iso);
  m = atoi (iso + 5);
  return m >= 4 ? y : y - 1;
}

char *
pathways_budget_year_label (int year)
{
  /* Translators: a financial year, "2026/27" */
  return g_strdup_printf (C_("financial year", "%d/%02d"), year, (year + 1) % 100);
}

gboolean
pathways_budget_year_parse (const char  *text,
                            int         *out_year,
                            GError     **error)
{
  g_autofree char *t = g_strstrip (g_strdup (text ? text : ""));
  guint64 y = 0;
  char *end = NULL;

  if (*t != '\0' && g_ascii_isdigit (*t))
    y = g_ascii_strtoull (t, &end, 10);
  if (end != NULL && (*end == '/' || *end == '-') && end[1] != '\0')
    {
      char *end2 = NULL;
      guint64 next = g_ascii_strtoull (end + 1, &end2, 10);

      if (*end2 != '\0' || (next != (y + 1) % 100 && next != y + 1))
        end = NULL;
      else
        end = end2;
    }
  if (end == NULL || *end != '\0' || y < 1900 || y > 9998)
    {
      g_set_error (error, PATHWAYS_FORMAT_ERROR, PATHWAYS_FORMAT_ERROR_INVALID,
                   _("“%s” is not a financial year: give the year it starts in, as 2026 or 2026/27"),
                   text ? text : "");
      return FALSE;
    }
  *out_year = (int) y;
  return TRUE;
}

/* Rows ------------------------------------------------------------------ */

typedef struct {
  gint64 gross[2];     /* actual, committed */
  int    nights[2];
  gint64 income[2];
} Cell;

static PathwaysBudgetRow *
row_new (const char *kind)
{
  PathwaysBudgetRow *r = g_new0 (PathwaysBudgetRow, 1);

  r->kind = g_strdup (kind);
  return r;
}

static void
row_free (PathwaysBudgetRow *r)
{
  if (r == NULL)
    return;
  g_free (r->kind);
  g_free (r->working);
  g_free (r);
}

static void
month_free (PathwaysBudgetMonth *m)
{
  g_free (m->from);
  g_free (m->to);
  g_free (m->label);
  g_clear_pointer (&m->rows, g_ptr_array_unref);
  row_free (m->total);
  g_free (m);
}

void
pathways_budget_report_free (PathwaysBudgetReport *report)
{
  if (report == NULL)
    return;
  g_free (report->label);
  g_free (report->from);
  g_free (report->to);
  g_free (report->today);
  g_clear_pointer (&report->rows, g_ptr_array_unref);
  row_free (report->total);
  g_clear_pointer (&report->months, g_ptr_array_unref);
  g_free (report);
}

static char *
weeks_text (double weeks)
{
  return g_strdup_printf ("%.1f", weeks);
}

static char *
working_of (const PathwaysBudgetRow *r)
{
  g_autofree char *qf = weeks_text (r->forecast_weeks);
  g_autofree char *qb = weeks_text (r->budget_weeks);
  g_autofree char *vol = pathways_money_format (r->variance.volume);
  g_autofree char *uc = pathways_money_format (r->variance.unit_cost);
  g_autofree char *inc = pathways_money_format (r->variance.income);
  g_autofree char *tot = pathways_money_format (r->variance.total);
  g_autofree char *bi = pathways_money_format (r->budget_income);
  g_autofree char *fi = pathways_money_format (r->forecast_income);
  g_autofree char *pb = NULL;
  g_autofree char *pf = NULL;
  g_autofree char *volume_line = NULL;
  g_autofree char *unit_line = NULL;
  g_autofree char *income_line = NULL;

  pb = pathways_money_format (r->budget_weeks > 0 ? (gint64) llround (r->budget_gross / r->budget_weeks) : 0);
  pf = pathways_money_format (r->forecast_weeks > 0 ? (gint64) llround (r->forecast_gross / r->forecast_weeks) : 0);

  if (r->budget_weeks > 0)
    /* Translators: the volume effect of a variance, worked out */
    volume_line = g_strdup_printf (_("Volume: (%s − %s placement-weeks) × %s a week budgeted = %s"),
                                   qf, qb, pb, vol);
  else
    volume_line = g_strdup_printf (_("Volume: no placement-weeks budgeted, so all of the difference in "
                                     "gross spend is volume = %s"), vol);
  if (r->budget_weeks > 0)
    unit_line = g_strdup_printf (_("Unit cost: (%s − %s a week) × %s placement-weeks = %s"),
                                 pf, pb, qf, uc);
  else
    unit_line = g_strdup_printf (_("Unit cost: no budgeted unit cost to compare %s a week with = %s"), pf, uc);
  income_line = g_strdup_printf (_("Income: %s budgeted − %s forecast = %s"), bi, fi, inc);

  return g_strdup_printf (_("%s\n%s\n%s\nTotal: %s + %s + %s = %s"), volume_line, unit_line, income_line,
                          vol, uc, inc, tot);
}

static void
row_finish (PathwaysBudgetRow *r)
{
  r->forecast_gross = r->actual_gross + r->committed_gross;
  r->forecast_weeks = r->actual_weeks + r->committed_weeks;
  r->forecast_income = r->actual_income + r->committed_income;
  pathways_budget_decompose (r->budget_gross, r->budget_weeks, r->budget_income,
                             r->forecast_gross, r->forecast_weeks, r->forecast_income, &r->variance);
  g_free (r->working);
  r->working = working_of (r);
}

static void
row_add (PathwaysBudgetRow       *to,
         const PathwaysBudgetRow *r)
{
  to->budget_gross += r->budget_gross;
  to->budget_weeks += r->budget_weeks;
  to->budget_income += r->budget_income;
  to->actual_gross += r->actual_gross;
  to->actual_weeks += r->actual_weeks;
  to->actual_income += r->actual_income;
  to->committed_gross += r->committed_gross;
  to->committed_weeks += r->committed_weeks;
  to->committed_income += r->committed_income;
}

static int
kind_index (const char *kind)
{
  guint n;
  const PathwaysProvisionKind *kinds = pathways_provision_kinds (&n);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (kinds[i].code, kind) == 0)
      return (int) i;
  return (int) n - 1;  /* "other" */
}

/* What a spell or an income is reckoned against */
typedef struct {
  PathwaysDay start;
  PathwaysDay end;       /* NONE: open */
  gboolean    planned;   /* every night committed */
} Window;

/* Adds @weekly over @w to @cells[k][month] */
static void
add_window (Cell         *cells,
            int           k,
            const Window *w,
            gint64        weekly,
            gboolean      is_income,
            PathwaysDay   today,
            const PathwaysDay *month_from,
            const PathwaysDay *month_to)
{
  for (int m = 0; m < N_MONTHS; m++)
    {
      int part[2] = { 0, 0 };

      if (w->planned)
        part[1] = nights_between (w->start, w->end, month_from[m], month_to[m]);
      else
        {
          part[0] = nights_between (w->start, w->end, month_from[m], MIN (month_to[m], today));
          part[1] = nights_between (MAX (w->start, today + 1), w->end, month_from[m], month_to[m]);
        }
      for (int i = 0; i < 2; i++)
        {
          gint64 cost = pathways_budget_cost_of_nights (weekly, part[i]);

          if (is_income)
            cells[k * N_MONTHS + m].income[i] += cost;
          else
            {
              cells[k * N_MONTHS + m].gross[i] += cost;
              cells[k * N_MONTHS + m].nights[i] += part[i];
            }
        }
    }
}

static const char *
spell_kind (PathwaysRecord *spell,
            GHashTable     *units)
{
  PathwaysRecord *unit = g_hash_table_lookup (units, GINT_TO_POINTER ((int) pathways_record_get_int (spell, "unit-id")));

  return pathways_provision_kind_of_spell (pathways_record_get_string (spell, "place"),
                                           pathways_record_get_string (spell, "place-provider"),
                                           unit ? pathways_record_get_string (unit, "kind") : NULL);
}

static gboolean
spell_window (PathwaysRecord *spell,
              PathwaysDay     today,
              Window         *w)
{
  const char *state = pathways_record_get_string (spell, "state");
  const char *planned_end = pathways_record_get_string (spell, "planned-end");
  const char *actual_end = pathways_record_get_string (spell, "actual-end");
  PathwaysDay pe = PATHWAYS_DAY_NONE;

  if (!day_of (pathways_record_get_string (spell, "start-date"), &w->start))
    return FALSE;
  w->end = PATHWAYS_DAY_NONE;
  w->planned = g_strcmp0 (state, "planned") == 0;
  if (planned_end != NULL)
    day_of (planned_end, &pe);
  if (g_strcmp0 (state, "ended") == 0)
    {
      if (!(actual_end != NULL && day_of (actual_end, &w->end)))
        w->end = pe;
    }
  else if (w->planned)
    w->end = pe;
  else if (pe != PATHWAYS_DAY_NONE && pe > today)
    w->end = pe;  /* a move is planned on that day */
  return TRUE;
}

static GHashTable *
index_by_id (GListModel *model)
{
  GHashTable *h = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      PathwaysRecord *r = g_list_model_get_item (model, i);
      g_hash_table_insert (h, GINT_TO_POINTER ((int) pathways_record_get_id (r)), r);
    }
  return h;
}

/**
 * pathways_budget_report_compute:
 * @year: the financial year (the year it starts in)
 * @today: ISO; nights up to and including it are actual
 */
PathwaysBudgetReport *
pathways_budget_report_compute (PathwaysStore  *store,
                                int             year,
                                const char     *today,
                                GError        **error)
{
  g_autoptr(PathwaysBudgetReport) report = g_new0 (PathwaysBudgetReport, 1);
  g_autoptr(GListModel) lines = NULL;
  g_autoptr(GListModel) spells = NULL;
  g_autoptr(GListModel) units = NULL;
  g_autoptr(GListModel) incomes = NULL;
  g_autoptr(GHashTable) unit_index = NULL;
  g_autoptr(GHashTable) spell_index = NULL;
  g_autofree Cell *cells = NULL;
  PathwaysDay month_from[N_MONTHS], month_to[N_MONTHS], t, year_from, year_to;
  gboolean used[32] = { FALSE, };
  guint n_kinds;
  const PathwaysProvisionKind *kinds = pathways_provision_kinds (&n_kinds);
  struct { gint64 gross, income; double weeks; } budget[32] = { { 0, 0, 0 }, };
  int year_days;

  g_return_val_if_fail (PATHWAYS_IS_STORE (store), NULL);
  g_return_val_if_fail (n_kinds <= G_N_ELEMENTS (used), NULL);

  if (year < 1900 || year > 9998 || !day_of (today, &t))
    {
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                   _("A budget report needs a financial year from 1900/01 to 9998/99 and a day"));
      return NULL;
    }

  report->year = year;
  report->label = pathways_budget_year_label (year);
  report->from = g_strdup_printf ("%04d-04-01", year);
  report->to = g_strdup_printf ("%04d-03-31", year + 1);
  report->today = g_strdup (today);
  day_of (report->from, &year_from);
  day_of (report->to, &year_to);
  year_days = (int) (year_to - year_from + 1);
  for (int m = 0; m < N_MONTHS; m++)
    {
      g_autofree char *first = g_strdup_printf ("%04d-%02d-01", m < 9 ? year : year + 1, (m + 3) % 12 + 1);
      PathwaysDay next;

      day_of (first, &month_from[m]);
      if (m < N_MONTHS - 1)
        {
          g_autofree char *next_first = g_strdup_printf ("%04d-%02d-01", m + 1 < 9 ? year : year + 1,
                                                         (m + 4) % 12 + 1);
          day_of (next_first, &next);
          month_to[m] = next - 1;
        }
      else
        month_to[m] = year_to;
    }

  if (!pathways_store_begin_read (store, error))
    return NULL;
  lines = pathways_store_list (store, PATHWAYS_TYPE_BUDGET_LINE, error);
  if (lines != NULL)
    spells = pathways_store_list (store, PATHWAYS_TYPE_SPELL, error);
  if (spells != NULL)
    units = pathways_store_list (store, PATHWAYS_TYPE_UNIT, error);
  if (units != NULL)
    incomes = pathways_store_list (store, PATHWAYS_TYPE_PLACEMENT_INCOME, error);
  pathways_store_end_read (store);
  if (incomes == NULL)
    return NULL;

  unit_index = index_by_id (units);
  spell_index = index_by_id (spells);
  cells = g_new0 (Cell, (gsize) n_kinds * N_MONTHS);

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(PathwaysRecord) l = g_list_model_get_item (lines, i);
      int k;

      if (pathways_record_get_int (l, "year") != year)
        continue;
      k = kind_index (pathways_record_get_string (l, "kind"));
      used[k] = TRUE;
      budget[k].gross += pathways_record_get_int (l, "amount");
      budget[k].weeks += pathways_record_get_real (l, "placement-weeks");
      budget[k].income += pathways_record_get_int (l, "income");
    }

  for (guint i = 0; i < g_list_model_get_n_items (spells); i++)
    {
      g_autoptr(PathwaysRecord) s = g_list_model_get_item (spells, i);
      PathwaysRecord *unit = g_hash_table_lookup (unit_index,
                                                  GINT_TO_POINTER ((int) pathways_record_get_int (s, "unit-id")));
      gint64 weekly = pathways_record_get_int (s, "weekly-cost");
      Window w;
      int k;

      if (weekly == 0 && unit != NULL)
        weekly = pathways_record_get_int (unit, "weekly-cost");
      if (!spell_window (s, t, &w))
        continue;
      if (nights_between (w.start, w.end, year_from, year_to) == 0)
        continue;
      k = kind_index (spell_kind (s, unit_index));
      used[k] = TRUE;
      add_window (cells, k, &w, weekly, FALSE, t, month_from, month_to);
    }

  for (guint i = 0; i < g_list_model_get_n_items (incomes); i++)
    {
      g_autoptr(PathwaysRecord) inc = g_list_model_get_item (incomes, i);
      PathwaysRecord *spell = g_hash_table_lookup (spell_index,
                                                   GINT_TO_POINTER ((int) pathways_record_get_int (inc, "spell-id")));
      const char *until = pathways_record_get_string (inc, "end-date");
      Window w = { 0, PATHWAYS_DAY_NONE, FALSE };
      const char *kind = "other";
      int k;

      if (!day_of (pathways_record_get_string (inc, "start-date"), &w.start))
        continue;
      if (until != NULL && day_of (until, &w.end))
        w.end += 1;  /* "until" is included */
      if (spell != NULL)
        {
          Window sw;

          kind = spell_kind (spell, unit_index);
          if (spell_window (spell, t, &sw))
            {
              w.start = MAX (w.start, sw.start);
              if (sw.end != PATHWAYS_DAY_NONE)
                w.end = w.end == PATHWAYS_DAY_NONE ? sw.end : MIN (w.end, sw.end);
              w.planned = sw.planned;
            }
        }
      else
        {
          /* The young person's placement on the day the income starts */
          gint64 person = pathways_record_get_int (inc, "young-person-id");
          for (guint j = 0; j < g_list_model_get_n_items (spells); j++)
            {
              g_autoptr(PathwaysRecord) s = g_list_model_get_item (spells, j);
              Window sw;

              if (pathways_record_get_int (s, "young-person-id") == person && spell_window (s, t, &sw) &&
                  sw.start <= w.start && (sw.end == PATHWAYS_DAY_NONE || sw.end > w.start))
                kind = spell_kind (s, unit_index);
            }
        }
      if (nights_between (w.start, w.end, year_from, year_to) == 0)
        continue;
      k = kind_index (kind);
      used[k] = TRUE;
      add_window (cells, k, &w, pathways_record_get_int (inc, "weekly-amount"), TRUE, t, month_from, month_to);
    }

  /* Year rows, and the months */
  report->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  report->total = row_new (NULL);
  report->months = g_ptr_array_new_with_free_func ((GDestroyNotify) month_free);
  for (int m = 0; m < N_MONTHS; m++)
    {
      PathwaysBudgetMonth *month = g_new0 (PathwaysBudgetMonth, 1);
      g_autoptr(GDateTime) dt = NULL;

      month->from = pathways_day_to_iso (month_from[m]);
      month->to = pathways_day_to_iso (month_to[m]);
      dt = g_date_time_new_utc (m < 9 ? year : year + 1, (m + 3) % 12 + 1, 1, 0, 0, 0);
      month->label = g_date_time_format (dt, "%B %Y");
      month->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
      month->total = row_new (NULL);
      g_ptr_array_add (report->months, month);
    }

  for (guint k = 0; k < n_kinds; k++)
    {
      PathwaysBudgetRow *year_row;
      gint64 gross_so_far = 0, income_so_far = 0;
      int days_so_far = 0;

      if (!used[k])
        continue;
      year_row = row_new (kinds[k].code);
      year_row->budget_gross = budget[k].gross;
      year_row->budget_weeks = budget[k].weeks;
      year_row->budget_income = budget[k].income;
      for (int m = 0; m < N_MONTHS; m++)
        {
          PathwaysBudgetMonth *month = g_ptr_array_index (report->months, m);
          PathwaysBudgetRow *r = row_new (kinds[k].code);
          int days = (int) (month_to[m] - month_from[m] + 1);
          gint64 g, inc;

          /* The budget spread by days; the last month takes the pennies
           * left, so the months add up to the year */
          days_so_far += days;
          g = m == N_MONTHS - 1 ? budget[k].gross
                                : (gint64) llround ((double) budget[k].gross * days_so_far / year_days);
          inc = m == N_MONTHS - 1 ? budget[k].income
                                  : (gint64) llround ((double) budget[k].income * days_so_far / year_days);
          r->budget_gross = g - gross_so_far;
          r->budget_income = inc - income_so_far;
          gross_so_far = g;
          income_so_far = inc;
          r->budget_weeks = budget[k].weeks * days / year_days;

          r->actual_gross = cells[k * N_MONTHS + m].gross[0];
          r->committed_gross = cells[k * N_MONTHS + m].gross[1];
          r->actual_weeks = cells[k * N_MONTHS + m].nights[0] / 7.0;
          r->committed_weeks = cells[k * N_MONTHS + m].nights[1] / 7.0;
          r->actual_income = cells[k * N_MONTHS + m].income[0];
          r->committed_income = cells[k * N_MONTHS + m].income[1];
          row_finish (r);
          year_row->actual_gross += r->actual_gross;
          year_row->committed_gross += r->committed_gross;
          year_row->actual_weeks += r->actual_weeks;
          year_row->committed_weeks += r->committed_weeks;
          year_row->actual_income += r->actual_income;
          year_row->committed_income += r->committed_income;
          row_add (month->total, r);
          g_ptr_array_add (month->rows, r);
        }
      row_finish (year_row);
      row_add (report->total, year_row);
      g_ptr_array_add (report->rows, year_row);
    }
  row_finish (report->total);
  for (int m = 0; m < N_MONTHS; m++)
    row_finish (((PathwaysBudgetMonth *) g_ptr_array_index (report->months, m))->total);

  return g_steal_pointer (&report);
}

const PathwaysBudgetRow *
pathways_budget_report_find (PathwaysBudgetReport *report,
                             const char           *kind)
{
  g_return_val_if_fail (report != NULL, NULL);

  if (kind == NULL)
    return report->total;
  for (guint i = 0; i < report->rows->len; i++)
    {
      const PathwaysBudgetRow *r = g_ptr_array_index (report->rows, i);
      if (g_strcmp0 (r->kind, kind) == 0)
        return r;
    }
  return NULL;
}

static const char *
row_label (const PathwaysBudgetRow *r)
{
  return r->kind ? pathways_provision_kind_label (r->kind) : _("All kinds");
}

char *
pathways_budget_report_to_text (PathwaysBudgetReport *report)
{
  GString *s = g_string_new (NULL);
  g_autofree char *from = pathways_date_format_uk (report->from);
  g_autofree char *to = pathways_date_format_uk (report->to);
  g_autofree char *today = pathways_date_format_uk (report->today);

  g_string_append_printf (s, _("Placements budget %s (%s to %s), spend actual to %s and committed to the "
                               "year end\n\n"), report->label, from, to, today);
  for (guint i = 0; i <= report->rows->len; i++)
    {
      const PathwaysBudgetRow *r = i < report->rows->len ? g_ptr_array_index (report->rows, i) : report->total;
      g_autofree char *b = pathways_money_format (r->budget_gross - r->budget_income);
      g_autofree char *a = pathways_money_format (r->actual_gross - r->actual_income);
      g_autofree char *c = pathways_money_format (r->committed_gross - r->committed_income);
      g_autofree char *f = pathways_money_format (r->forecast_gross - r->forecast_income);
      g_autofree char *v = pathways_money_format (r->variance.total);

      g_string_append_printf (s, "%s\n", row_label (r));
      g_string_append_printf (s, _("  Budget (net of income) %s; actual %s; committed %s; forecast %s; "
                                   "variance %s\n"), b, a, c, f, v);
      g_string_append_printf (s, _("  Placement-weeks: budgeted %.1f, forecast %.1f\n"),
                              r->budget_weeks, r->forecast_weeks);
      {
        g_auto(GStrv) lines = g_strsplit (r->working, "\n", -1);
        for (guint j = 0; lines[j] != NULL; j++)
          g_string_append_printf (s, "  %s\n", lines[j]);
      }
      g_string_append_c (s, '\n');
    }

  g_string_append_printf (s, "%s\n", _("Month by month (all kinds): budget, forecast, variance = volume + "
                                       "unit cost + income"));
  for (guint m = 0; m < report->months->len; m++)
    {
      PathwaysBudgetMonth *month = g_ptr_array_index (report->months, m);
      const PathwaysBudgetRow *r = month->total;
      g_autofree char *b = pathways_money_format (r->budget_gross - r->budget_income);
      g_autofree char *f = pathways_money_format (r->forecast_gross - r->forecast_income);
      g_autofree char *v = pathways_money_format (r->variance.total);
      g_autofree char *vol = pathways_money_format (r->variance.volume);
      g_autofree char *uc = pathways_money_format (r->variance.unit_cost);
      g_autofree char *inc = pathways_money_format (r->variance.income);

      g_string_append_printf (s, "  %-15s %14s %14s %14s = %s + %s + %s\n", month->label, b, f, v, vol, uc, inc);
    }
  return g_string_free (s, FALSE);
}

static void
csv_field (GString    *s,
           const char *text)
{
  gboolean quote = text != NULL && strpbrk (text, ",\"\n\r") != NULL;

  if (quote)
    {
      g_string_append_c (s, '"');
      for (const char *p = text; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (s, '"');
          g_string_append_c (s, *p);
        }
      g_string_append_c (s, '"');
    }
  else if (text != NULL)
    g_string_append (s, text);
}

static void
csv_row (GString                 *s,
         const char              *period,
         const PathwaysBudgetRow *r)
{
  g_autofree char *line = NULL;

  csv_field (s, period);
  g_string_append_c (s, ',');
  csv_field (s, r->kind ? r->kind : "all");
  line = g_strdup_printf (",%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f\n",
                          r->budget_gross / 100.0, r->budget_weeks, r->budget_income / 100.0,
                          r->actual_gross / 100.0, r->actual_weeks, r->actual_income / 100.0,
                          r->committed_gross / 100.0, r->committed_weeks, r->committed_income / 100.0,
                          r->forecast_gross / 100.0, r->forecast_weeks, r->forecast_income / 100.0,
                          r->variance.total / 100.0, r->variance.volume / 100.0, r->variance.unit_cost / 100.0,
                          r->variance.income / 100.0);
  g_string_append (s, line);
}

char *
pathways_budget_report_to_csv (PathwaysBudgetReport *report)
{
  GString *s = g_string_new ("period,kind,budget_gross,budget_weeks,budget_income,actual_gross,actual_weeks,"
                             "actual_income,committed_gross,committed_weeks,committed_income,forecast_gross,"
                             "forecast_weeks,forecast_income,variance,volume_effect,unit_cost_effect,"
                             "income_effect\n");

  for (guint i = 0; i < report->rows->len; i++)
    csv_row (s, report->label, g_ptr_array_index (report->rows, i));
  csv_row (s, report->label, report->total);
  for (guint m = 0; m < report->months->len; m++)
    {
      PathwaysBudgetMonth *month = g_ptr_array_index (report->months, m);
      g_autofree char *period = g_strndup (month->from, 7);

      for (guint i = 0; i < month->rows->len; i++)
        csv_row (s, period, g_ptr_array_index (month->rows, i));
      csv_row (s, period, month->total);
    }
  return g_string_free (s, FALSE);
}

/* Placement mix ---------------------------------------------------------- */

static void
mix_row_free (PathwaysMixRow *r)
{
  g_free (r->kind);
  g_free (r);
}

void
pathways_placement_mix_free (PathwaysPlacementMix *mix)
{
  if (mix == NULL)
    return;
  g_free (mix->on);
  g_clear_pointer (&mix->rows, g_ptr_array_unref);
  g_free (mix);
}

static int
mix_compare (gconstpointer a,
             gconstpointer b)
{
  const PathwaysMixRow *x = *(PathwaysMixRow * const *) a;
  const PathwaysMixRow *y = *(PathwaysMixRow * const *) b;

  if (x->count != y->count)
    return y->count - x->count;
  return kind_index (x->kind) - kind_index (y->kind);
}

PathwaysPlacementMix *
pathways_placement_mix_compute (PathwaysStore  *store,
                                const char     *on,
                                GError        **error)
{
  g_autoptr(PathwaysPlacementMix) mix = g_new0 (PathwaysPlacementMix, 1);
  g_autoptr(GListModel) spells = NULL;
  g_autoptr(GListModel) units = NULL;
  g_autoptr(GHashTable) unit_index = NULL;
  guint n_kinds;
  const PathwaysProvisionKind *kinds = pathways_provision_kinds (&n_kinds);
  int count[32] = { 0, }, costed[32] = { 0, };
  gint64 cost[32] = { 0, };
  PathwaysDay d;

  g_return_val_if_fail (PATHWAYS_IS_STORE (store), NULL);
  if (!day_of (on, &d))
    {
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID, _("The placement mix needs a day"));
      return NULL;
    }
  if (!pathways_store_begin_read (store, error))
    return NULL;
  spells = pathways_store_list (store, PATHWAYS_TYPE_SPELL, error);
  if (spells != NULL)
    units = pathways_store_list (store, PATHWAYS_TYPE_UNIT, error);
  pathways_store_end_read (store);
  if (units == NULL)
    return NULL;
  unit_index = index_by_id (units);

  mix->on = g_strdup (on);
  for (guint i = 0; i < g_list_model_get_n_items (spells); i++)
    {
      g_autoptr(PathwaysRecord) s = g_list_model_get_item (spells, i);
      PathwaysDay start, end = PATHWAYS_DAY_NONE;
      const char *actual_end = pathways_record_get_string (s, "actual-end");
      gint64 weekly = pathways_record_get_int (s, "weekly-cost");
      int k;

      if (g_strcmp0 (pathways_record_get_string (s, "state"), "planned") == 0 ||
          !day_of (pathways_record_get_string (s, "start-date"), &start) || start > d)
        continue;
      if (actual_end != NULL && day_of (actual_end, &end) && end <= d)
        continue;
      k = kind_index (spell_kind (s, unit_index));
      count[k]++;
      mix->total++;
      if (weekly > 0)
        {
          cost[k] += weekly;
          costed[k]++;
        }
    }

  mix->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) mix_row_free);
  for (guint k = 0; k < n_kinds; k++)
    {
      PathwaysMixRow *r;

      if (count[k] == 0)
        continue;
      r = g_new0 (PathwaysMixRow, 1);
      r->kind = g_strdup (kinds[k].code);
      r->count = count[k];
      r->percent = 100.0 * count[k] / mix->total;
      r->average_weekly = costed[k] ? (gint64) llround ((double) cost[k] / costed[k]) : 0;
      g_ptr_array_add (mix->rows, r);
    }
  g_ptr_array_sort (mix->rows, mix_compare);
  return g_steal_pointer (&mix);
}

const PathwaysMixRow *
pathways_placement_mix_find (PathwaysPlacementMix *mix,
                             const char           *kind)
{
  for (guint i = 0; mix != NULL && i < mix->rows->len; i++)
    {
      const PathwaysMixRow *r = g_ptr_array_index (mix->rows, i);
      if (g_strcmp0 (r->kind, kind) == 0)
        return r;
    }
  return NULL;
}

/* Writing ---------------------------------------------------------------- */

char *
pathways_budget_check_line (int         year,
                            const char *kind,
                            gint64      amount,
                            double      placement_weeks,
                            gint64      income)
{
  if (year < 1900 || year > 9998)
    return g_strdup (_("The financial year must be from 1900/01 to 9998/99"));
  if (!pathways_provision_kind_is_valid (kind))
    return g_strdup_printf (_("“%s” is not a kind of provision (supported, staying_put, staying_close, "
                              "in_house_fostering, ifa, residential, emergency, …)"), kind ? kind : "");
  if (amount < 0 || income < 0)
    return g_strdup (_("Amounts cannot be negative"));
  if (!isfinite (placement_weeks) || placement_weeks < 0 || placement_weeks > 1e7)
    return g_strdup (_("Placement-weeks must be a number from 0"));
  if (amount > 0 && placement_weeks <= 0)
    return g_strdup (_("Say how many placement-weeks the budget pays for, so that its unit cost can be "
                       "worked out"));
  return NULL;
}

gboolean
pathways_budget_set (PathwaysStore      *store,
                     int                 year,
                     const char         *kind,
                     gint64              amount,
                     double              placement_weeks,
                     gint64              income,
                     const char         *note,
                     PathwaysChangeSet **out_undo,
                     GError            **error)
{
  g_autofree char *problem = pathways_budget_check_line (year, kind, amount, placement_weeks, income);
  g_autoptr(GListModel) lines = NULL;
  g_autoptr(PathwaysRecord) line = NULL;
  gboolean ok;

  g_return_val_if_fail (PATHWAYS_IS_STORE (store), FALSE);

  if (problem != NULL)
    {
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID, problem);
      return FALSE;
    }
  if (!pathways_store_begin_recorded (store, error))
    return FALSE;
  lines = pathways_store_list (store, PATHWAYS_TYPE_BUDGET_LINE, error);
  if (lines == NULL)
    goto failed;
  for (guint i = 0; i < g_list_model_get_n_items (lines) && line == NULL; i++)
    {
      g_autoptr(PathwaysRecord) l = g_list_model_get_item (lines, i);
      if (pathways_record_get_int (l, "year") == year &&
          g_strcmp0 (pathways_record_get_string (l, "kind"), kind) == 0)
        line = g_steal_pointer (&l);
    }
  if (line == NULL)
    line = g_object_new (PATHWAYS_TYPE_BUDGET_LINE, "year", (gint64) year, "kind", kind, NULL);
  g_object_set (line, "amount", amount, "placement-weeks", placement_weeks, "income", income, NULL);
  if (note != NULL)
    g_object_set (line, "note", note, NULL);
  ok = pathways_record_get_id (line) == 0 ? pathways_store_insert (store, line, error)
                                          : pathways_store_update (store, line, error);
  if (!ok)
    goto failed;
  return pathways_store_commit_recorded (store, out_undo, error);

failed:
  pathways_store_rollback_recorded (store);
  return FALSE;
}

gboolean
pathways_budget_add_income (PathwaysStore            *store,
                            PathwaysPlacementIncome  *income,
                            PathwaysChangeSet       **out_undo,
                            GError                  **error)
{
  const char *from = pathways_placement_income_get_start_date (income);
  const char *until = pathways_placement_income_get_end_date (income);
  gint64 spell_id = pathways_placement_income_get_spell_id (income);

  g_return_val_if_fail (PATHWAYS_IS_STORE (store), FALSE);
  g_return_val_if_fail (PATHWAYS_IS_PLACEMENT_INCOME (income), FALSE);

  if (!pathways_income_source_is_valid (pathways_placement_income_get_source (income)))
    {
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                           _("The source of income must be health, education, uasc_grant, housing_benefit or "
                             "other"));
      return FALSE;
    }
  if (from != NULL && until != NULL && strcmp (until, from) < 0)
    {
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                           _("The income cannot end before it starts"));
      return FALSE;
    }
  if (!pathways_store_begin_recorded (store, error))
    return FALSE;
  if (spell_id > 0)
    {
      g_autoptr(PathwaysSpell) spell = pathways_store_get (store, PATHWAYS_TYPE_SPELL, spell_id, error);

      if (spell == NULL)
        goto failed;
      if (pathways_spell_get_young_person_id (spell) != pathways_placement_income_get_young_person_id (income))
        {
          g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                               _("That placement is another young person's"));
          goto failed;
        }
    }
  if (!pathways_store_insert (store, PATHWAYS_RECORD (income), error))
    goto failed;
  return pathways_store_commit_recorded (store, out_undo, error);

failed:
  pathways_store_rollback_recorded (store);
  return FALSE;
}

gboolean
pathways_budget_remove_income (PathwaysStore            *store,
                               PathwaysPlacementIncome  *income,
                               PathwaysChangeSet       **out_undo,
                               GError                  **error)
{
  g_return_val_if_fail (PATHWAYS_IS_STORE (store), FALSE);
  g_return_val_if_fail (PATHWAYS_IS_PLACEMENT_INCOME (income), FALSE);

  if (!pathways_store_begin_recorded (store, error))
    return FALSE;
  if (!pathways_store_delete (store, PATHWAYS_RECORD (income), error))
    {
      pathways_store_rollback_recorded (store);
      return FALSE;
    }
  return pathways_store_commit_recorded (store, out_undo, error);
}
