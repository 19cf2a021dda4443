/* pathways-plan.c — the planning engine
 *
 * The model, month by month (m = 0 … months-1; month 0 starts today,
 * the others on the 1st):
 *
 *   young person ──(class terms)──▶ class ladder ──▶ unit ──(weekly cost)──▶ sink
 *        └──────────────(no suitable unit: UNMET + waiting)───────────────▶ sink
 *
 * Units that the rules treat alike (same kind, area, registration, ages,
 * support, in or out of the authority) form a class: the rules are asked
 * once per young person and class, on a copy of one of its units with
 * its bookings taken away (availability is asked separately, per unit
 * and month, with pathways_rules_unit_free_on()).  Staying Put households
 * are a class each (the rules allow only a young person's own carers).
 * A young person who will stay R months needs a unit free for R months:
 * each class has a ladder of nodes by months free, so one arc per young
 * person and class reaches every unit free long enough.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-plan"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pathways-format.h"
#include "pathways-plan.h"
#include "pathways-planner.h"
#include "pathways-settings.h"
#include "pathways-what-if.h"

/* What one point of weight buys, in objective points */
#define PLAN_UNMET          1000000   /* a need left without a unit, each month */
#define PLAN_WAITING_POINTS 100       /* × waiting weight × months already waited */
#define PLAN_DISTANCE_POINTS 10       /* × distance weight: outside the authority */
#define PLAN_WISHES_POINTS  5         /* × wishes weight: not their preferred area */
#define PLAN_STABILITY_POINTS 1       /* × stability weight × months short of a year's stay */
#define PLAN_MOVE_POINTS    5         /* × stability weight: an optional move at all */
#define PLAN_READY_POINTS   10        /* × readiness weight: moving on someone ready (a gain) */
/* × cost weight × pence a week / 1000: with the default 10, £1 a week = 1 point */
#define PLAN_COST_DIVISOR   1000

typedef struct {
  const PathwaysUnitFacts *facts;
  PathwaysUnitFacts        bare;    /* for the rules: no bookings, no status */
  int                      cls;
  guint8                  *free;    /* per month: free by the rules and not held */
  guint8                  *held;    /* per month: held by the plan */
  gint64                   term_cost;
  int                      node;    /* this month's, or -1 */
  int                      sink_arc;
  int                      level;   /* this month's months free from now */
  gboolean                 used;
} Unit;

typedef struct {
  GPtrArray *units;        /* Unit*, borrowed */
  Unit      *rep;
  /* this month */
  GArray    *levels;       /* int: months free, ascending */
  GArray    *level_nodes;  /* int */
  int        n_free;
  gboolean   per_unit;     /* Staying Put households: the rules decide unit by unit */
} Class;

typedef struct {
  const PathwaysPersonFacts *p;
  PathwaysNeedKind           need;
  char                      *need_date;
  int                        need_month;
  gboolean                   optional;
  gboolean                   done;
  int                        waited;
  PathwaysProposal          *unmet_row;   /* borrowed from the plan */
  gint64                     release_unit; /* their current unit, freed when they move */
  gint64                     release_spell;
} Demand;

typedef struct {
  int     cls;
  int     needed;     /* months free needed */
  gint64  terms;      /* class terms */
  gint64  t_dist, t_wish, t_stab, t_ready;
  int     arc;
  GArray *direct;     /* (nullable) int arcs straight to units, when some are rejected */
  GArray *direct_units;
  gint64  only_unit;  /* (per-unit classes) the one unit this option is for, or 0 */
} Option;

typedef struct {
  PathwaysSnapshot          *snap;
  const PathwaysRuleSettings *settings;
  const PathwaysPlanOptions *opt;
  PathwaysPlanWeights        w;
  int                        months;
  char                     **starts;   /* months + 1 */
  char                     **lasts;    /* months */
  GPtrArray                 *units;    /* Unit* (owned) */
  GHashTable                *unit_by_id;  /* gint64* → Unit* */
  GPtrArray                 *classes;  /* Class* */
  GPtrArray                 *demands;  /* Demand* */
  GHashTable                *verdicts; /* (person, class, age) → 1 open, 2 not */
  GHashTable                *households; /* the same → 1 only the household bars them, 2 more */
  GHashTable                *rejecting;  /* gint64* person ids with a rejection (borrowed keys) */
  PathwaysPlan              *plan;
} Engine;

/* Weights ------------------------------------------------------------ */

void
pathways_plan_weights_init (PathwaysPlanWeights *w)
{
  g_return_if_fail (w != NULL);
  w->cost = (int) pathways_setting_int_or_default ("plan_weight_cost", NULL);
  w->distance = (int) pathways_setting_int_or_default ("plan_weight_distance", NULL);
  w->stability = (int) pathways_setting_int_or_default ("plan_weight_stability", NULL);
  w->readiness = (int) pathways_setting_int_or_default ("plan_weight_readiness", NULL);
  w->wishes = (int) pathways_setting_int_or_default ("plan_weight_wishes", NULL);
  w->waiting = (int) pathways_setting_int_or_default ("plan_weight_waiting", NULL);
}

void
pathways_plan_weights_from_settings (PathwaysPlanWeights *w,
                                     GHashTable          *settings)
{
#define WEIGHT(field, key) \
  w->field = (int) pathways_setting_int_or_default (key, settings ? g_hash_table_lookup (settings, key) : NULL)
  g_return_if_fail (w != NULL);
  WEIGHT (cost, "plan_weight_cost");
  WEIGHT (distance, "plan_weight_distance");
  WEIGHT (stability, "plan_weight_stability");
  WEIGHT (readiness, "plan_weight_readiness");
  WEIGHT (wishes, "plan_weight_wishes");
  WEIGHT (waiting, "plan_weight_waiting");
#undef WEIGHT
}

void
pathways_plan_options_init (PathwaysPlanOptions *o)
{
  g_return_if_fail (o != NULL);
  memset (o, 0, sizeof *o);
  o->months = PATHWAYS_PLAN_DEFAULT_MONTHS;
  pathways_plan_weights_init (&o->weights);
}

/* Freeing ------------------------------------------------------------ */

static void
alternative_free (gpointer data)
{
  PathwaysPlanAlternative *a = data;

  g_free (a->unit_name);
  g_free (a);
}

static void
proposal_free (gpointer data)
{
  PathwaysProposal *r = data;

  g_free (r->person_name);
  g_free (r->need_date);
  g_free (r->date);
  g_free (r->unit_name);
  g_free (r->unit_kind);
  g_free (r->unit_area);
  g_free (r->why);
  g_clear_pointer (&r->alternatives, g_ptr_array_unref);
  g_free (r->what_would_help);
  g_free (r->commission);
  g_free (r->commission_area);
  g_free (r);
}

static void
commission_free (gpointer data)
{
  PathwaysCommission *c = data;

  g_free (c->category);
  g_free (c->area);
  g_free (c->by);
  g_free (c->text);
  g_free (c);
}

void
pathways_plan_free (PathwaysPlan *plan)
{
  if (plan == NULL)
    return;
  g_free (plan->today);
  g_clear_pointer (&plan->proposals, g_ptr_array_unref);
  g_clear_pointer (&plan->commissions, g_ptr_array_unref);
  g_free (plan);
}

static void
unit_free (gpointer data)
{
  Unit *u = data;

  g_free (u->free);
  g_free (u->held);
  g_free (u);
}

static void
class_free (gpointer data)
{
  Class *c = data;

  g_ptr_array_unref (c->units);
  g_array_unref (c->levels);
  g_array_unref (c->level_nodes);
  g_free (c);
}

static void
demand_free (gpointer data)
{
  Demand *d = data;

  g_free (d->need_date);
  g_free (d);
}

/* Months ------------------------------------------------------------- */

static int
month_of (Engine     *e,
          const char *date)
{
  int m = 0;

  if (date == NULL)
    return e->months;  /* after the end of the calendar */
  while (m < e->months && strcmp (e->starts[m + 1], date) <= 0)
    m++;
  return m;  /* e->months: after the horizon */
}

static void
compute_free (Engine                  *e,
              Unit                    *u,
              const PathwaysUnitFacts *facts,
              int                      from)
{
  for (int m = from; m < e->months; m++)
    u->free[m] = !u->held[m] && pathways_rules_unit_free_on (facts, e->starts[m]) &&
                 pathways_rules_unit_free_on (facts, e->lasts[m]);
}

/* Months free from @m on, counting @m */
static int
run_from (Engine *e,
          Unit   *u,
          int     m)
{
  int k = m;

  while (k < e->months && u->free[k])
    k++;
  return k - m;
}

/* Units and classes -------------------------------------------------- */

static char *
class_key (const PathwaysUnitFacts *u)
{
  return g_strdup_printf ("%s|%s|%d|%s|%d|%d|%d|%d", u->kind ? u->kind : "", u->area ? u->area : "",
                          u->in_authority, u->registration ? u->registration : "", u->ofsted_urn != NULL,
                          u->min_age, u->max_age, u->support_hours > 0);
}

static int
compare_unit_ids (gconstpointer a,
                  gconstpointer b)
{
  const PathwaysUnitFacts *x = *(PathwaysUnitFacts * const *) a;
  const PathwaysUnitFacts *y = *(PathwaysUnitFacts * const *) b;

  return (x->id > y->id) - (x->id < y->id);
}

static void
add_units (Engine *e)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, pathways_snapshot_get_units (e->snap));
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const PathwaysUnitFacts *u = value;
      if (e->opt->what_if != NULL && pathways_what_if_removes (e->opt->what_if, u->id))
        continue;
      g_ptr_array_add (all, value);
    }
  if (e->opt->what_if != NULL)
    {
      GPtrArray *added = pathways_what_if_get_added (e->opt->what_if);
      for (guint i = 0; i < added->len; i++)
        g_ptr_array_add (all, g_ptr_array_index (added, i));
    }
  g_ptr_array_sort (all, compare_unit_ids);

  for (guint i = 0; i < all->len; i++)
    {
      const PathwaysUnitFacts *f = g_ptr_array_index (all, i);
      g_autofree char *key = NULL;
      Unit *u;
      gpointer found;
      Class *c;

      if (f->retired_on != NULL && strcmp (f->retired_on, e->plan->today) <= 0)
        continue;
      u = g_new0 (Unit, 1);
      u->facts = f;
      u->bare = *f;
      u->bare.spells = NULL;
      u->bare.status = NULL;
      u->bare.status_from = NULL;
      u->bare.status_to = NULL;
      u->bare.retired_on = NULL;
      u->free = g_new0 (guint8, e->months);
      u->held = g_new0 (guint8, e->months);
      compute_free (e, u, f, 0);
      u->term_cost = (gint64) e->w.cost * MAX (f->weekly_cost, 0) / PLAN_COST_DIVISOR;
      u->node = -1;

      key = class_key (f);
      if (g_hash_table_lookup_extended (by_key, key, NULL, &found))
        u->cls = GPOINTER_TO_INT (found);
      else
        {
          c = g_new0 (Class, 1);
          c->units = g_ptr_array_new ();
          c->rep = u;
          c->levels = g_array_new (FALSE, FALSE, sizeof (int));
          c->level_nodes = g_array_new (FALSE, FALSE, sizeof (int));
          c->per_unit = g_strcmp0 (f->kind, "staying_put") == 0;
          u->cls = (int) e->classes->len;
          g_ptr_array_add (e->classes, c);
          g_hash_table_insert (by_key, g_steal_pointer (&key), GINT_TO_POINTER (u->cls));
        }
      c = g_ptr_array_index (e->classes, u->cls);
      g_ptr_array_add (c->units, u);
      g_ptr_array_add (e->units, u);
      g_hash_table_insert (e->unit_by_id, (gpointer) &f->id, u);
    }
}

/* Demand ------------------------------------------------------------- */

static gboolean
has_confirmed_move (const PathwaysPersonFacts *p)
{
  for (guint i = 0; p->transitions && i < p->transitions->len; i++)
    {
      const PathwaysTransitionFacts *t = g_ptr_array_index (p->transitions, i);
      if (g_str_equal (t->state, "confirmed"))
        return TRUE;
    }
  return FALSE;
}

static Demand *
add_demand (Engine                    *e,
            const PathwaysPersonFacts *p,
            PathwaysNeedKind           need,
            char                      *date)
{
  int age = pathways_date_age_on (p->date_of_birth, date);
  Demand *d;

  /* Leaving care: from 16, and a PA's support ends at 25 at the latest */
  if (age < 16 || age >= 25 || strcmp (date, e->starts[e->months]) >= 0)
    {
      g_free (date);
      return NULL;
    }
  d = g_new0 (Demand, 1);
  d->p = p;
  d->need = need;
  d->need_date = date;
  d->need_month = month_of (e, date);
  d->optional = need == PATHWAYS_NEED_READY_TO_MOVE_ON;
  g_ptr_array_add (e->demands, d);
  return d;
}

static int
compare_person_ids (gconstpointer a,
                    gconstpointer b)
{
  const PathwaysPersonFacts *x = *(PathwaysPersonFacts * const *) a;
  const PathwaysPersonFacts *y = *(PathwaysPersonFacts * const *) b;

  return (x->id > y->id) - (x->id < y->id);
}

static void
add_demands (Engine *e)
{
  g_autoptr(GPtrArray) people = g_ptr_array_new ();
  GHashTable *units = pathways_snapshot_get_units (e->snap);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, pathways_snapshot_get_people (e->snap));
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (people, value);
  g_ptr_array_sort (people, compare_person_ids);

  for (guint i = 0; i < people->len; i++)
    {
      const PathwaysPersonFacts *p = g_ptr_array_index (people, i);
      char *date = NULL;
      PathwaysNeedKind need;
      Demand *d;

      if (has_confirmed_move (p))
        {
          e->plan->n_kept++;
          continue;  /* moves already confirmed are kept as they are */
        }
      if (pathways_rules_care_status (p, e->plan->today, NULL) == PATHWAYS_CARE_STATUS_NONE)
        continue;
      need = pathways_rules_move_need (e->settings, p, units, e->plan->today, &date);
      if (need == PATHWAYS_NEED_NONE)
        continue;
      d = add_demand (e, p, need, date);
      if (d != NULL)
        {
          const PathwaysSpellFacts *cur = pathways_rules_spell_on (p, e->plan->today);
          if (cur != NULL && (cur->planned_end == NULL || strcmp (cur->planned_end, d->need_date) > 0))
            {
              /* Moving frees where they are now */
              d->release_unit = cur->unit_id;
              d->release_spell = cur->id;
            }
        }
    }
}

/* The month's model -------------------------------------------------- */

static gboolean
rejected (Engine                    *e,
          const PathwaysPersonFacts *p,
          gint64                     unit_id)
{
  char key[64];

  if (e->opt->rejected == NULL)
    return FALSE;
  g_snprintf (key, sizeof key, "%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, p->id, unit_id);
  return g_hash_table_contains (e->opt->rejected, key);
}

static gboolean
class_has_rejection (Engine                    *e,
                     const PathwaysPersonFacts *p,
                     Class                     *c)
{
  /* Most young people have none: no key to format for each unit */
  if (e->opt->rejected == NULL || !g_hash_table_contains (e->rejecting, &p->id))
    return FALSE;
  for (guint i = 0; i < c->units->len; i++)
    if (rejected (e, p, ((Unit *) g_ptr_array_index (c->units, i))->facts->id))
      return TRUE;
  return FALSE;
}

/* The rules' verdict: offered only with no blocking reason and no
 * warning.  Remembered per young person, class and age: what the rules
 * read of a date for a unit without bookings is the age on it (and the
 * 18th and 21st birthdays, which the age gives), so the same three give
 * the same verdict. */
static gboolean
class_open (Engine                    *e,
            const PathwaysPersonFacts *p,
            Class                     *c,
            const char                *date,
            int                        age,     /* on @date, worked out once by the caller */
            PathwaysEligibility      **out_e)
{
  PathwaysEligibility *el;
  gboolean open;
  guint64 key = ((guint64) p->id << 24) ^
                ((guint64) (guint) c->rep->cls << 7) ^ (guint64) (age & 0x7f);
  gpointer known;

  if (out_e == NULL && age >= 0 && age < 128 && p->id > 0 && p->id < ((gint64) 1 << 39) &&
      (known = g_hash_table_lookup (e->verdicts, GSIZE_TO_POINTER (key))) != NULL)
    return GPOINTER_TO_INT (known) == 1;

  el = pathways_rules_check_unit (e->settings, p, &c->rep->bare, NULL, date, 0);
  open = el->verdict == PATHWAYS_VERDICT_ELIGIBLE;
  if (age >= 0 && age < 128 && p->id > 0 && p->id < ((gint64) 1 << 39))
    g_hash_table_insert (e->verdicts, GSIZE_TO_POINTER (key), GINT_TO_POINTER (open ? 1 : 2));
  if (out_e)
    *out_e = el;
  else
    pathways_eligibility_free (el);
  return open;
}

/* A per-unit class (Staying Put households): one check of the household
 * that stands for the class — if anything but the household itself bars
 * them, every one does.  Remembered as class_open() remembers. */
static gboolean
only_household_bars (Engine                    *e,
                     const PathwaysPersonFacts *p,
                     Class                     *c,
                     const char                *date,
                     int                        age)
{
  g_autoptr(PathwaysEligibility) el = NULL;
  gboolean only = TRUE;
  guint64 key = ((guint64) p->id << 24) ^ ((guint64) (guint) c->rep->cls << 7) ^ (guint64) (age & 0x7f);
  gboolean keyed = age >= 0 && age < 128 && p->id > 0 && p->id < ((gint64) 1 << 39);
  gpointer known;

  if (keyed && (known = g_hash_table_lookup (e->households, GSIZE_TO_POINTER (key))) != NULL)
    return GPOINTER_TO_INT (known) == 1;
  class_open (e, p, c, date, age, &el);
  for (guint r = 0; r < el->reasons->len; r++)
    {
      const PathwaysReason *reason = g_ptr_array_index (el->reasons, r);
      if (reason->severity >= PATHWAYS_SEVERITY_LOW && !g_str_equal (reason->rule, "staying-put-own-carers"))
        only = FALSE;
    }
  if (keyed)
    g_hash_table_insert (e->households, GSIZE_TO_POINTER (key), GINT_TO_POINTER (only ? 1 : 2));
  return only;
}

static int
months_needed (Engine                    *e,
               const PathwaysPersonFacts *p,
               Unit                      *u,
               const char                *date,
               int                        m,
               char                     **out_end)
{
  g_autofree char *end = pathways_rules_stay_end (p, u->facts, date);
  int last = end ? MIN (month_of (e, end), e->months - 1) : e->months - 1;

  if (out_end)
    *out_end = g_steal_pointer (&end);
  return MAX (1, last - m + 1);
}

static gint64
stay_months (const char *from,
             const char *to)
{
  if (to == NULL)
    return G_MAXINT;
  return pathways_date_days_between (from, to) / 30;
}

static const char *
move_date (Engine *e,
           Demand *d,
           int     m)
{
  return strcmp (d->need_date, e->starts[m]) > 0 ? d->need_date : e->starts[m];
}

static int
level_node (Class *c,
            int    months)
{
  for (guint i = 0; i < c->levels->len; i++)
    if (g_array_index (c->levels, int, i) == months)
      return g_array_index (c->level_nodes, int, i);
  g_assert_not_reached ();
  return -1;
}

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  int x = *(const int *) a, y = *(const int *) b;

  return (x > y) - (x < y);
}

static void
add_level (Class *c,
           int    months)
{
  for (guint i = 0; i < c->levels->len; i++)
    if (g_array_index (c->levels, int, i) == months)
      return;
  g_array_append_val (c->levels, months);
}

static char *
month_name (const char *iso)
{
  GDate date;
  char buf[64];

  if (!pathways_date_parse_iso (iso, &date))
    return g_strdup (iso);
  /* Translators: a month and year, "June 2027" (strftime) */
  if (g_date_strftime (buf, sizeof buf, _("%B %Y"), &date) == 0)
    return g_strdup (iso);
  return g_strdup (buf);
}

static const char *
commission_category (Engine                    *e,
                     const PathwaysPersonFacts *p,
                     const char                *date)
{
  int age = pathways_date_age_on (p->date_of_birth, date);
  int readiness = pathways_rules_readiness (e->settings, p);

  if (age < 18)
    return "supported-16-17";
  if (readiness >= 0 && readiness >= e->settings->readiness_threshold)
    return "tenancy";
  return "supported-18";
}

/* No suitable unit: why not, and what would make one suitable */
static char *
what_would_help (Engine                    *e,
                 const PathwaysPersonFacts *p,
                 const char                *date,
                 int                        m)
{
  g_autoptr(GHashTable) tally = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *uk = pathways_date_format_uk (date);
  g_autofree char *top_text = NULL;
  int top = 0, open = 0, first_free = -1;

  for (guint c = 0; c < e->classes->len; c++)
    {
      Class *cls = g_ptr_array_index (e->classes, c);
      g_autoptr(PathwaysEligibility) el = NULL;

      if (class_open (e, p, cls, date, pathways_date_age_on (p->date_of_birth, date), &el))
        {
          open++;
          for (guint i = 0; i < cls->units->len; i++)
            {
              Unit *u = g_ptr_array_index (cls->units, i);
              for (int k = m + 1; k < e->months; k++)
                if (u->free[k] && (first_free < 0 || k < first_free))
                  {
                    first_free = k;
                    break;
                  }
            }
          continue;
        }
      if (el->reasons->len > 0)
        {
          const PathwaysReason *r = g_ptr_array_index (el->reasons, 0);
          int *n = g_hash_table_lookup (tally, r->rule);
          if (n == NULL)
            {
              n = g_new0 (int, 2);
              g_hash_table_insert (tally, g_strdup (r->rule), n);
            }
          if (++n[0] > top)
            {
              top = n[0];
              g_free (top_text);
              top_text = g_strdup (r->text);
            }
        }
    }
  if (open > 0 && first_free >= 0)
    {
      g_autofree char *when = month_name (e->starts[first_free]);
      return g_strdup_printf (_("Units that would suit them are all taken on %s; the first of them comes free "
                                "in %s. One more such place by %s would meet this need."), uk, when, uk);
    }
  if (open > 0)
    return g_strdup_printf (_("Units that would suit them are all taken on %s and none comes free within "
                              "the plan. One more such place by %s would meet this need."), uk, uk);
  if (top_text != NULL)
    {
      /* Translators: the second %s is the rules' reason, a sentence */
      return g_strdup_printf (_("No unit in the register is open to them on %s. The commonest reason: %s"),
                              uk, top_text);
    }
  return g_strdup_printf (_("The register has no unit at all on %s."), uk);
}

static PathwaysProposal *
new_row (Engine *e,
         Demand *d,
         int     m)
{
  PathwaysProposal *r = g_new0 (PathwaysProposal, 1);

  r->person_id = d->p->id;
  r->person_name = g_strdup (d->p->name);
  r->pa_id = d->p->pa_id;
  r->need = d->need;
  r->need_date = g_strdup (d->need_date);
  r->date = g_strdup (move_date (e, d, m));
  r->month = m;
  r->alternatives = g_ptr_array_new_with_free_func (alternative_free);
  g_ptr_array_add (e->plan->proposals, r);
  return r;
}

static void
explain (Engine           *e,
         PathwaysProposal *r,
         Unit             *u,
         const Option     *o,
         GArray           *options,
         Demand           *d)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *money = pathways_money_format (u->facts->weekly_cost);
  g_autofree char *joined = NULL;

  g_ptr_array_add (parts, g_strdup_printf (_("%s a week."), money));
  if (u->facts->in_authority)
    g_ptr_array_add (parts, g_strdup (_("Inside the authority.")));
  else
    g_ptr_array_add (parts, g_strdup (_("Outside the authority: nothing suitable inside was free.")));
  if (d->p->preferred_area != NULL && g_strcmp0 (d->p->preferred_area, u->facts->area) == 0)
    g_ptr_array_add (parts, g_strdup_printf (_("In the area they asked for (%s)."), u->facts->area));
  else if (d->p->preferred_area != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("Not in the area they asked for (%s)."), d->p->preferred_area));
  if (o->t_stab == 0)
    g_ptr_array_add (parts, g_strdup (_("They can stay at least a year.")));
  else
    g_ptr_array_add (parts, g_strdup (_("They would outgrow it within a year.")));
  if (d->optional)
    g_ptr_array_add (parts, g_strdup (_("Ready to move on from supported accommodation.")));
  if (r->months_waited > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Waited %d month for a place.",
                                                          "Waited %d months for a place.", r->months_waited),
                                             r->months_waited));
  g_ptr_array_add (parts, NULL);
  joined = g_strjoinv (" ", (char **) parts->pdata);
  g_free (r->why);  /* (a row that waited said "no suitable unit") */
  r->why = g_steal_pointer (&joined);

  /* Next best: the best unit of each other class open to them */
  for (guint i = 0; i < options->len; i++)
    {
      const Option *other = &g_array_index (options, Option, i);
      Class *c = g_ptr_array_index (e->classes, other->cls);
      Unit *best = NULL;

      for (guint k = 0; k < c->units->len; k++)
        {
          Unit *cand = g_ptr_array_index (c->units, k);
          if (cand == u || cand->level < other->needed || rejected (e, d->p, cand->facts->id) ||
              (other->only_unit != 0 && cand->facts->id != other->only_unit))
            continue;
          if (best == NULL || cand->term_cost < best->term_cost)
            best = cand;
        }
      if (best != NULL)
        {
          PathwaysPlanAlternative *a = g_new0 (PathwaysPlanAlternative, 1);
          a->unit_id = best->facts->id;
          a->unit_name = g_strdup (best->facts->name);
          a->cost = other->terms + best->term_cost;
          a->extra = a->cost - r->cost;
          a->taken = best->used;
          g_ptr_array_add (r->alternatives, a);
        }
    }
  {
    /* best first, at most three */
    for (guint i = 1; i < r->alternatives->len; i++)
      for (guint k = i; k > 0; k--)
        {
          PathwaysPlanAlternative **v = (PathwaysPlanAlternative **) r->alternatives->pdata;
          if (v[k]->cost < v[k - 1]->cost)
            {
              PathwaysPlanAlternative *t = v[k];
              v[k] = v[k - 1];
              v[k - 1] = t;
            }
          else
            break;
        }
    if (r->alternatives->len > 3)
      g_ptr_array_set_size (r->alternatives, 3);
  }
}

static void
hold_unit (Engine *e,
           Unit   *u,
           int     from,
           int     to)
{
  for (int k = from; k <= to && k < e->months; k++)
    {
      u->free[k] = FALSE;
      u->held[k] = TRUE;
    }
}

static void
release_unit (Engine *e,
              gint64  unit_id,
              gint64  spell_id,
              int     from)
{
  Unit *u = unit_id ? g_hash_table_lookup (e->unit_by_id, &unit_id) : NULL;
  g_autoptr(GPtrArray) spells = NULL;
  PathwaysUnitFacts copy;

  if (u == NULL || from >= e->months)
    return;
  copy = *u->facts;
  spells = g_ptr_array_new ();
  for (guint i = 0; u->facts->spells && i < u->facts->spells->len; i++)
    {
      PathwaysSpellFacts *s = g_ptr_array_index (u->facts->spells, i);
      if (s->id != spell_id)
        g_ptr_array_add (spells, s);
    }
  copy.spells = spells;
  compute_free (e, u, &copy, from);
}

static int
compare_demands_by_need (gconstpointer a,
                         gconstpointer b)
{
  const Demand *x = *(Demand * const *) a;
  const Demand *y = *(Demand * const *) b;

  return (x->optional - y->optional) * 2 + (x->p->id > y->p->id) - (x->p->id < y->p->id);
}

typedef struct {
  Demand *d;
  int     option;    /* the chosen option, or -1 */
  int     needed;
} Chosen;

static int
compare_chosen_needed (gconstpointer a,
                       gconstpointer b)
{
  const Chosen *x = a, *y = b;

  return (y->needed > x->needed) - (y->needed < x->needed);
}

static int
compare_units_by_level (gconstpointer a,
                        gconstpointer b)
{
  const Unit *x = *(Unit * const *) a;
  const Unit *y = *(Unit * const *) b;

  return (y->level > x->level) - (y->level < x->level);
}

/* @d moves to @u in month @m, as option @o of its @options: the
 * proposal (or the "no suitable unit" row it had, now met late), the
 * plan's totals, the unit held for the stay, the unit left released and
 * the next need when they will outgrow it */
static void
assign (Engine *e,
        Demand *d,
        Unit   *u,
        Option *o,
        GArray *options,
        int     m)
{
  PathwaysProposal *r = d->unmet_row ? d->unmet_row : new_row (e, d, m);
  g_autofree char *end = NULL;

  if (d->unmet_row != NULL)
    {
      g_free (r->date);
      r->date = g_strdup (move_date (e, d, m));
      r->month = m;
      r->months_waited = d->waited;
      g_clear_pointer (&r->what_would_help, g_free);
      e->plan->n_unmet--;
      e->plan->n_late++;
    }
  r->unit_id = u->facts->id;
  r->unit_name = g_strdup (u->facts->name);
  r->unit_kind = g_strdup (u->facts->kind);
  r->unit_area = g_strdup (u->facts->area);
  r->in_authority = u->facts->in_authority;
  r->weekly_cost = u->facts->weekly_cost;
  r->term_cost = u->term_cost;
  r->term_distance = o->t_dist;
  r->term_wishes = o->t_wish;
  r->term_stability = o->t_stab;
  r->term_readiness = o->t_ready;
  r->cost = o->terms + u->term_cost;
  explain (e, r, u, o, options, d);
  d->done = TRUE;
  e->plan->n_moves++;
  e->plan->weekly_cost += u->facts->weekly_cost;
  if (!u->facts->in_authority)
    e->plan->n_out_of_authority++;

  months_needed (e, d->p, u, r->date, m, &end);
  hold_unit (e, u, m, end ? month_of (e, end) : e->months - 1);
  if (d->release_unit != 0)
    release_unit (e, d->release_unit, d->release_spell, m + 1);
  if (end != NULL)
    add_demand (e, d->p, PATHWAYS_NEED_OUTGROWS_PLANNED, g_steal_pointer (&end));
}

static gboolean
plan_month (Engine        *e,
            int            m,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(PathwaysFlow) flow = pathways_flow_new ();
  g_autoptr(GPtrArray) active = g_ptr_array_new ();
  g_autoptr(GPtrArray) all_options = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GArray) person_nodes = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) unmet_arcs = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GPtrArray) used_classes = g_ptr_array_new ();
  gint64 timer;
  int sink, n_active;
  PathwaysFlowStatus status;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  for (guint i = 0; i < e->demands->len; i++)
    {
      Demand *d = g_ptr_array_index (e->demands, i);
      if (!d->done && d->need_month <= m)
        g_ptr_array_add (active, d);
    }
  g_ptr_array_sort (active, compare_demands_by_need);
  n_active = (int) active->len;
  if (n_active == 0)
    return TRUE;

  /* Units free this month, and for how long */
  for (guint c = 0; c < e->classes->len; c++)
    {
      Class *cls = g_ptr_array_index (e->classes, c);
      g_array_set_size (cls->levels, 0);
      g_array_set_size (cls->level_nodes, 0);
      cls->n_free = 0;
    }
  for (guint i = 0; i < e->units->len; i++)
    {
      Unit *u = g_ptr_array_index (e->units, i);
      u->level = run_from (e, u, m);
      u->node = -1;
      u->used = FALSE;
      if (u->level > 0)
        ((Class *) g_ptr_array_index (e->classes, u->cls))->n_free++;
    }

  sink = pathways_flow_add_node (flow, -n_active);

  /* Each young person: the classes open to them (by the rules) with a unit free */
  for (int i = 0; i < n_active; i++)
    {
      Demand *d = g_ptr_array_index (active, i);
      const char *date = move_date (e, d, m);
      int age = pathways_date_age_on (d->p->date_of_birth, date);
      GArray *options = g_array_new (FALSE, TRUE, sizeof (Option));
      int node = pathways_flow_add_node (flow, 1);
      gint64 unmet_cost = d->optional ? 0 : PLAN_UNMET + (gint64) e->w.waiting * PLAN_WAITING_POINTS * d->waited;
      int arc = pathways_flow_add_arc (flow, node, sink, 1, unmet_cost);

      g_array_append_val (person_nodes, node);
      g_array_append_val (unmet_arcs, arc);
      g_ptr_array_add (all_options, options);

      for (guint c = 0; c < e->classes->len; c++)
        {
          Class *cls = g_ptr_array_index (e->classes, c);
          Unit *rep = cls->rep;
          Option o = { 0 };
          g_autofree char *end = NULL;
          gint64 stay;

          if (cls->n_free == 0)
            continue;
          /* Ready to move on: a home of their own, nothing else */
          if (d->optional && pathways_rules_stage (rep->facts->kind, NULL, NULL) != PATHWAYS_STAGE_MOVE_ON)
            continue;
          if (cls->per_unit)
            {
              /* One check for the household that stands for the class: if
               * anything but the household itself bars them, every one does */
              gint64 household;

              if (!only_household_bars (e, d->p, cls, date, age))
                continue;
              /* The rules accept one household at most: the others are not checked */
              household = pathways_rules_staying_put_household (d->p, date);
              for (guint k = 0; household != 0 && k < cls->units->len; k++)
                {
                  Unit *u = g_ptr_array_index (cls->units, k);
                  g_autoptr(PathwaysEligibility) one = NULL;
                  Option uo = { 0 };
                  g_autofree char *uend = NULL;
                  gint64 ustay;

                  if (u->level == 0 || u->facts->id != household)
                    continue;
                  one = pathways_rules_check_unit (e->settings, d->p, &u->bare, NULL, date, 0);
                  if (one->verdict != PATHWAYS_VERDICT_ELIGIBLE)
                    continue;
                  uo.cls = (int) c;
                  uo.only_unit = u->facts->id;
                  uo.needed = months_needed (e, d->p, u, date, m, &uend);
                  uo.t_dist = u->facts->in_authority ? 0 : (gint64) e->w.distance * PLAN_DISTANCE_POINTS;
                  uo.t_wish = d->p->preferred_area != NULL && g_strcmp0 (d->p->preferred_area, u->facts->area) != 0
                              ? (gint64) e->w.wishes * PLAN_WISHES_POINTS : 0;
                  ustay = stay_months (date, uend);
                  uo.t_stab = ustay < 12 ? (gint64) e->w.stability * PLAN_STABILITY_POINTS * (12 - ustay) : 0;
                  uo.terms = uo.t_dist + uo.t_wish + uo.t_stab;
                  uo.arc = -1;
                  g_array_append_val (options, uo);
                }
              continue;
            }
          if (!class_open (e, d->p, cls, date, age, NULL))
            continue;
          o.cls = (int) c;
          o.needed = months_needed (e, d->p, rep, date, m, &end);
          o.t_dist = rep->facts->in_authority ? 0 : (gint64) e->w.distance * PLAN_DISTANCE_POINTS;
          o.t_wish = d->p->preferred_area != NULL && g_strcmp0 (d->p->preferred_area, rep->facts->area) != 0
                     ? (gint64) e->w.wishes * PLAN_WISHES_POINTS : 0;
          stay = stay_months (date, end);
          o.t_stab = stay < 12 ? (gint64) e->w.stability * PLAN_STABILITY_POINTS * (12 - stay) : 0;
          if (d->optional)
            {
              o.t_stab += (gint64) e->w.stability * PLAN_MOVE_POINTS;
              o.t_ready = -(gint64) e->w.readiness * PLAN_READY_POINTS;
            }
          o.terms = o.t_dist + o.t_wish + o.t_stab + o.t_ready;
          o.arc = -1;
          g_array_append_val (options, o);
        }

      for (guint k = 0; k < options->len; k++)
        {
          Option *o = &g_array_index (options, Option, k);
          Class *cls = g_ptr_array_index (e->classes, o->cls);

          if (o->only_unit != 0 || class_has_rejection (e, d->p, cls))
            {
              /* Straight to each unit not rejected (made below, once unit nodes exist) */
              o->direct = g_array_new (FALSE, FALSE, sizeof (int));
              o->direct_units = g_array_new (FALSE, FALSE, sizeof (gpointer));
            }
          else
            add_level (cls, o->needed);
          if (cls->levels->len == 0 || !g_ptr_array_find (used_classes, cls, NULL))
            g_ptr_array_add (used_classes, cls);
        }
    }

  /* The ladders and the units */
  for (guint c = 0; c < used_classes->len; c++)
    {
      Class *cls = g_ptr_array_index (used_classes, c);

      for (guint i = 0; i < cls->units->len; i++)
        {
          Unit *u = g_ptr_array_index (cls->units, i);
          if (u->level == 0)
            continue;
          add_level (cls, u->level);
          u->node = pathways_flow_add_node (flow, 0);
          u->sink_arc = pathways_flow_add_arc (flow, u->node, sink, 1, u->term_cost);
        }
      g_array_sort (cls->levels, compare_ints);
      for (guint l = 0; l < cls->levels->len; l++)
        {
          int n = pathways_flow_add_node (flow, 0);
          g_array_append_val (cls->level_nodes, n);
          if (l > 0)
            pathways_flow_add_arc (flow, g_array_index (cls->level_nodes, int, l - 1), n, n_active, 0);
        }
      for (guint i = 0; i < cls->units->len; i++)
        {
          Unit *u = g_ptr_array_index (cls->units, i);
          if (u->node >= 0)
            pathways_flow_add_arc (flow, level_node (cls, u->level), u->node, 1, 0);
        }
    }

  for (int i = 0; i < n_active; i++)
    {
      Demand *d = g_ptr_array_index (active, i);
      GArray *options = g_ptr_array_index (all_options, i);
      int node = g_array_index (person_nodes, int, i);

      for (guint k = 0; k < options->len; k++)
        {
          Option *o = &g_array_index (options, Option, k);
          Class *cls = g_ptr_array_index (e->classes, o->cls);

          if (o->direct == NULL)
            {
              o->arc = pathways_flow_add_arc (flow, node, level_node (cls, o->needed), 1, o->terms);
              continue;
            }
          for (guint u_i = 0; u_i < cls->units->len; u_i++)
            {
              Unit *u = g_ptr_array_index (cls->units, u_i);
              int a;
              if (u->node < 0 || u->level < o->needed || rejected (e, d->p, u->facts->id) ||
                  (o->only_unit != 0 && u->facts->id != o->only_unit))
                continue;
              a = pathways_flow_add_arc (flow, node, u->node, 1, o->terms);
              g_array_append_val (o->direct, a);
              g_array_append_val (o->direct_units, u);
            }
        }
    }

  timer = g_get_monotonic_time ();
  status = pathways_flow_solve (flow);
  e->plan->solver_seconds += (g_get_monotonic_time () - timer) / 1e6;
  if (status != PATHWAYS_FLOW_OPTIMAL)
    {
      /* Every young person has an arc to the sink: always feasible */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The planner could not solve month %d."), m + 1);
      return FALSE;
    }
  e->plan->total_cost += pathways_flow_get_total_cost (flow);
  if (e->opt->month_solved)
    e->opt->month_solved (m, flow, e->opt->month_solved_data);

  /* Who goes where: young people with the longest stays take the units
   * free longest, class by class (any such pairing is optimal: the
   * class terms do not depend on the unit) */
  {
    g_autoptr(GArray) chosen = g_array_new (FALSE, TRUE, sizeof (Chosen));
    g_autoptr(GPtrArray) pool = g_ptr_array_new ();

    for (guint i = 0; i < e->units->len; i++)
      {
        Unit *u = g_ptr_array_index (e->units, i);
        if (u->node >= 0 && pathways_flow_get_flow (flow, u->sink_arc) > 0)
          u->used = TRUE;
      }

    for (int i = 0; i < n_active; i++)
      {
        Demand *d = g_ptr_array_index (active, i);
        GArray *options = g_ptr_array_index (all_options, i);
        Chosen ch = { d, -1, 0 };

        for (guint k = 0; k < options->len && ch.option < 0; k++)
          {
            Option *o = &g_array_index (options, Option, k);
            if (o->direct == NULL && pathways_flow_get_flow (flow, o->arc) > 0)
              {
                ch.option = (int) k;
                ch.needed = o->needed;
              }
          }
        g_array_append_val (chosen, ch);
      }
    g_array_sort (chosen, compare_chosen_needed);

    for (guint c = 0; c < used_classes->len; c++)
      {
        Class *cls = g_ptr_array_index (used_classes, c);
        guint next = 0;

        g_ptr_array_set_size (pool, 0);
        for (guint i = 0; i < cls->units->len; i++)
          {
            Unit *u = g_ptr_array_index (cls->units, i);
            if (u->used)
              g_ptr_array_add (pool, u);
          }
        g_ptr_array_sort (pool, compare_units_by_level);
        /* Units taken by direct arcs (someone with a rejection) are not in the pool */
        for (guint i = 0; i < chosen->len; i++)
          {
            Chosen *ch = &g_array_index (chosen, Chosen, i);
            GArray *options;
            guint idx;
            if (!g_ptr_array_find (active, ch->d, &idx))
              continue;
            options = g_ptr_array_index (all_options, idx);
            for (guint k = 0; k < options->len; k++)
              {
                Option *o = &g_array_index (options, Option, k);
                if (o->direct == NULL || g_ptr_array_index (e->classes, o->cls) != cls)
                  continue;
                for (guint a = 0; a < o->direct->len; a++)
                  if (pathways_flow_get_flow (flow, g_array_index (o->direct, int, a)) > 0)
                    g_ptr_array_remove (pool, g_array_index (o->direct_units, Unit *, a));
              }
          }

        for (guint i = 0; i < chosen->len; i++)
          {
            Chosen *ch = &g_array_index (chosen, Chosen, i);
            guint idx;
            GArray *options;
            Option *o;

            if (ch->option < 0)
              continue;
            g_ptr_array_find (active, ch->d, &idx);
            options = g_ptr_array_index (all_options, idx);
            o = &g_array_index (options, Option, ch->option);
            if (g_ptr_array_index (e->classes, o->cls) != cls)
              continue;
            g_assert (next < pool->len);
            {
              Unit *u = g_ptr_array_index (pool, next++);

              assign (e, ch->d, u, o, options, m);
            }
          }
      }

    /* Direct arcs (someone with a rejection in that class) */
    for (int i = 0; i < n_active; i++)
      {
        Demand *d = g_ptr_array_index (active, i);
        GArray *options = g_ptr_array_index (all_options, i);

        for (guint k = 0; k < options->len && !d->done; k++)
          {
            Option *o = &g_array_index (options, Option, k);
            if (o->direct == NULL)
              continue;
            for (guint a = 0; a < o->direct->len && !d->done; a++)
              if (pathways_flow_get_flow (flow, g_array_index (o->direct, int, a)) > 0)
                {
                  assign (e, d, g_array_index (o->direct_units, Unit *, a), o, options, m);
                }
          }
      }
  }

  /* The unmet: a "no suitable unit" row the first time, then they wait */
  for (int i = 0; i < n_active; i++)
    {
      Demand *d = g_ptr_array_index (active, i);

      if (d->done || d->optional)
        continue;
      if (d->unmet_row == NULL)
        {
          PathwaysProposal *r = new_row (e, d, m);
          const char *date = move_date (e, d, m);

          r->cost = PLAN_UNMET;
          r->what_would_help = what_would_help (e, d->p, date, m);
          r->commission = g_strdup (commission_category (e, d->p, date));
          r->commission_area = g_strdup (d->p->preferred_area);
          r->why = g_strdup (_("No suitable unit is free for them then."));
          d->unmet_row = r;
          e->plan->n_unmet++;
        }
      d->waited++;
    }

  for (guint i = 0; i < all_options->len; i++)
    {
      GArray *options = g_ptr_array_index (all_options, i);
      for (guint k = 0; k < options->len; k++)
        {
          Option *o = &g_array_index (options, Option, k);
          g_clear_pointer (&o->direct, g_array_unref);
          g_clear_pointer (&o->direct_units, g_array_unref);
        }
    }
  return TRUE;
}

/* Commissioning ------------------------------------------------------ */

static char *
commission_text (const char *category,
                 const char *area,
                 int         n,
                 const char *by)
{
  g_autofree char *when = month_name (by);

  if (g_str_equal (category, "supported-16-17"))
    return area ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%d more registered supported place for 16–17s in %s by %s",
                                                "%d more registered supported places for 16–17s in %s by %s", n),
                                   n, area, when)
                : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%d more registered supported place for 16–17s by %s",
                                                "%d more registered supported places for 16–17s by %s", n),
                                   n, when);
  if (g_str_equal (category, "tenancy"))
    return area ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%d more move-on tenancy for those ready to move on in %s by %s",
                                                "%d more move-on tenancies for those ready to move on in %s by %s", n),
                                   n, area, when)
                : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%d more move-on tenancy for those ready to move on by %s",
                                                "%d more move-on tenancies for those ready to move on by %s", n),
                                   n, when);
  return area ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%d more supported place for 18s and over in %s by %s",
                                              "%d more supported places for 18s and over in %s by %s", n),
                                 n, area, when)
              : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%d more supported place for 18s and over by %s",
                                              "%d more supported places for 18s and over by %s", n),
                                 n, when);
}

static int
compare_commissions (gconstpointer a,
                     gconstpointer b)
{
  const PathwaysCommission *x = *(PathwaysCommission * const *) a;
  const PathwaysCommission *y = *(PathwaysCommission * const *) b;
  int c = strcmp (x->by, y->by);

  if (c != 0)
    return c;
  if (x->count != y->count)
    return y->count - x->count;
  return strcmp (x->text, y->text);
}

static void
group_commissions (PathwaysPlan *plan)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < plan->proposals->len; i++)
    {
      PathwaysProposal *r = g_ptr_array_index (plan->proposals, i);
      g_autofree char *key = NULL;
      PathwaysCommission *c;

      if (r->commission == NULL)
        continue;
      key = g_strdup_printf ("%s|%s", r->commission, r->commission_area ? r->commission_area : "");
      c = g_hash_table_lookup (groups, key);
      if (c == NULL)
        {
          c = g_new0 (PathwaysCommission, 1);
          c->category = g_strdup (r->commission);
          c->area = g_strdup (r->commission_area);
          c->by = g_strdup (r->need_date);
          g_hash_table_insert (groups, g_steal_pointer (&key), c);
          g_ptr_array_add (plan->commissions, c);
        }
      c->count++;
      if (strcmp (r->need_date, c->by) < 0)
        {
          g_free (c->by);
          c->by = g_strdup (r->need_date);
        }
    }
  for (guint i = 0; i < plan->commissions->len; i++)
    {
      PathwaysCommission *c = g_ptr_array_index (plan->commissions, i);
      c->text = commission_text (c->category, c->area, c->count, c->by);
    }
  g_ptr_array_sort (plan->commissions, compare_commissions);
}

static int
compare_proposals (gconstpointer a,
                   gconstpointer b)
{
  const PathwaysProposal *x = *(PathwaysProposal * const *) a;
  const PathwaysProposal *y = *(PathwaysProposal * const *) b;
  int c = strcmp (x->date, y->date);

  if (c != 0)
    return c;
  c = g_utf8_collate (x->person_name ? x->person_name : "", y->person_name ? y->person_name : "");
  if (c != 0)
    return c;
  return (x->person_id > y->person_id) - (x->person_id < y->person_id);
}

/* Public ------------------------------------------------------------- */

/**
 * pathways_plan_compute:
 *
 * Plans from the facts of @snapshot (its day is the first day of the
 * plan).  Cancelled with %G_IO_ERROR_CANCELLED between months.
 */
PathwaysPlan *
pathways_plan_compute (PathwaysSnapshot           *snap,
                       const PathwaysPlanOptions  *options,
                       GCancellable               *cancellable,
                       GError                    **error)
{
  PathwaysPlanOptions defaults;
  Engine e = { 0 };
  g_autoptr(PathwaysPlan) plan = NULL;
  gint64 started = g_get_monotonic_time ();
  gboolean ok = TRUE;

  g_return_val_if_fail (snap != NULL, NULL);

  if (options == NULL)
    {
      pathways_plan_options_init (&defaults);
      options = &defaults;
    }
  if (options->months < 0 || options->months > PATHWAYS_PLAN_MAX_MONTHS)
    {
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                   _("The plan’s horizon must be from 1 to %d months."), PATHWAYS_PLAN_MAX_MONTHS);
      return NULL;
    }

  plan = g_new0 (PathwaysPlan, 1);
  plan->today = g_strdup (pathways_snapshot_get_date (snap));
  plan->months = options->months ? options->months : PATHWAYS_PLAN_DEFAULT_MONTHS;
  plan->proposals = g_ptr_array_new_with_free_func (proposal_free);
  plan->commissions = g_ptr_array_new_with_free_func (commission_free);

  e.snap = snap;
  e.settings = pathways_snapshot_get_settings (snap);
  e.opt = options;
  e.w = options->weights;
  e.plan = plan;
  e.months = plan->months;
  e.starts = g_new0 (char *, e.months + 2);
  e.lasts = g_new0 (char *, e.months + 1);
  e.starts[0] = g_strdup (plan->today);
  {
    g_autofree char *first = g_strdup (plan->today);
    first[8] = '0';
    first[9] = '1';
    for (int m = 1; m <= e.months; m++)
      {
        e.starts[m] = pathways_date_add_months (first, m);
        if (e.starts[m] == NULL)
          e.starts[m] = g_strdup ("9999-12-31");  /* the end of the calendar */
      }
    for (int m = 0; m < e.months; m++)
      {
        e.lasts[m] = pathways_date_add_days (e.starts[m + 1], -1);
        if (e.lasts[m] == NULL || strcmp (e.lasts[m], e.starts[m]) < 0)
          {
            g_free (e.lasts[m]);
            e.lasts[m] = g_strdup (e.starts[m]);
          }
      }
  }
  e.units = g_ptr_array_new_with_free_func (unit_free);
  e.unit_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  e.classes = g_ptr_array_new_with_free_func (class_free);
  e.demands = g_ptr_array_new_with_free_func (demand_free);
  e.verdicts = g_hash_table_new (g_direct_hash, g_direct_equal);
  e.households = g_hash_table_new (g_direct_hash, g_direct_equal);
  e.rejecting = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  if (options != NULL && options->rejected != NULL)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, options->rejected);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          gint64 person = g_ascii_strtoll (key, NULL, 10);
          g_hash_table_add (e.rejecting, g_memdup2 (&person, sizeof person));
        }
    }

  add_units (&e);
  add_demands (&e);
  for (int m = 0; m < e.months && ok; m++)
    {
      ok = plan_month (&e, m, cancellable, error);
      if (options->progress)
        options->progress ((double) (m + 1) / e.months, options->progress_data);
    }

  g_strfreev (e.starts);
  g_strfreev (e.lasts);
  g_ptr_array_unref (e.demands);
  g_hash_table_unref (e.verdicts);
  g_hash_table_unref (e.households);
  g_hash_table_unref (e.rejecting);
  g_ptr_array_unref (e.classes);
  g_hash_table_unref (e.unit_by_id);
  g_ptr_array_unref (e.units);
  if (!ok)
    return NULL;

  g_ptr_array_sort (plan->proposals, compare_proposals);
  group_commissions (plan);
  plan->seconds = (g_get_monotonic_time () - started) / 1e6;
  return g_steal_pointer (&plan);
}

const PathwaysProposal *
pathways_plan_find_person (PathwaysPlan *plan,
                           gint64        person_id)
{
  g_return_val_if_fail (plan != NULL, NULL);
  for (guint i = 0; i < plan->proposals->len; i++)
    {
      const PathwaysProposal *r = g_ptr_array_index (plan->proposals, i);
      if (r->person_id == person_id)
        return r;
    }
  return NULL;
}

PathwaysPlan *
pathways_plan_run (PathwaysStore              *store,
                   const PathwaysPlanOptions  *options,
                   GCancellable               *cancellable,
                   GError                    **error)
{
  g_autofree char *today = NULL;
  g_autoptr(PathwaysSnapshot) snap = NULL;
  PathwaysPlanOptions opt;

  g_return_val_if_fail (PATHWAYS_IS_STORE (store), NULL);

  today = pathways_clock_dup_today (pathways_store_get_clock (store));
  snap = pathways_snapshot_load (store, today, error);
  if (snap == NULL)
    return NULL;
  if (options != NULL)
    opt = *options;
  else
    {
      g_autoptr(GHashTable) settings = pathways_store_dup_settings (store, error);
      if (settings == NULL)
        return NULL;
      pathways_plan_options_init (&opt);
      pathways_plan_weights_from_settings (&opt.weights, settings);
    }
  if (opt.rejected == NULL)
    {
      g_autoptr(GHashTable) rejected = pathways_plan_load_rejections (store, error);
      if (rejected == NULL)
        return NULL;
      opt.rejected = rejected;
      return pathways_plan_compute (snap, &opt, cancellable, error);
    }
  return pathways_plan_compute (snap, &opt, cancellable, error);
}

typedef struct {
  PathwaysPlanOptions options;
  gboolean            has_options;
  GMainContext       *context;
} RunData;

static void
run_data_free (gpointer data)
{
  RunData *d = data;

  g_main_context_unref (d->context);
  g_free (d);
}

static void
run_thread (GTask        *task,
            gpointer      source,
            gpointer      task_data,
            GCancellable *cancellable)
{
  RunData *d = task_data;
  GError *error = NULL;
  PathwaysPlan *plan = pathways_plan_run (PATHWAYS_STORE (source), d->has_options ? &d->options : NULL,
                                          cancellable, &error);

  if (plan == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, plan, (GDestroyNotify) pathways_plan_free);
}

/**
 * pathways_plan_run_async:
 * @options: (nullable): copied; its progress callback is called in the
 *   worker thread (pass it on to the main context yourself)
 */
void
pathways_plan_run_async (PathwaysStore              *store,
                         const PathwaysPlanOptions  *options,
                         GCancellable               *cancellable,
                         GAsyncReadyCallback         callback,
                         gpointer                    user_data)
{
  g_autoptr(GTask) task = g_task_new (store, cancellable, callback, user_data);
  RunData *d = g_new0 (RunData, 1);

  g_task_set_source_tag (task, pathways_plan_run_async);
  d->context = g_main_context_ref_thread_default ();
  if (options)
    {
      d->options = *options;
      d->has_options = TRUE;
    }
  g_task_set_task_data (task, d, run_data_free);
  g_task_run_in_thread (task, run_thread);
}

PathwaysPlan *
pathways_plan_run_finish (PathwaysStore  *store,
                          GAsyncResult   *result,
                          GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
pathways_plan_accept (PathwaysStore            *store,
                      PathwaysPlan             *plan,
                      const PathwaysProposal  **proposals,
                      guint                     n,
                      gint64                    scheduled_by,
                      const char               *accepted_warnings,
                      PathwaysChangeSet       **out_undo,
                      GError                  **error)
{
  g_autofree char *uk = NULL;
  g_autofree char *note = NULL;
  guint scheduled = 0;

  g_return_val_if_fail (PATHWAYS_IS_STORE (store), FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);

  uk = pathways_date_format_uk (plan->today);
  note = g_strdup_printf (_("Proposed by the service plan of %s."), uk);

  if (!pathways_store_begin_recorded (store, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      const PathwaysProposal *r = proposals[i];
      PathwaysMoveRequest req = { 0 };
      g_autoptr(GError) local = NULL;

      if (r->unit_id <= 0)
        continue;  /* no suitable unit, or a what-if unit */
      req.young_person_id = r->person_id;
      req.date = r->date;
      req.unit_id = r->unit_id;
      req.scheduled_by = scheduled_by;
      req.note = note;
      req.accepted_warnings = accepted_warnings;
      if (!pathways_planner_schedule_move (store, &req, NULL, NULL, &local))
        {
          pathways_store_rollback_recorded (store);
          /* Translators: the first %s is a young person's name, the second the reason, a sentence */
          g_set_error (error, local->domain, local->code, _("The move for %s was not scheduled, nor any other: %s"),
                       r->person_name, local->message);
          return FALSE;
        }
      scheduled++;
    }
  if (scheduled == 0)
    {
      pathways_store_rollback_recorded (store);
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                           _("None of these proposals has a unit to move to."));
      return FALSE;
    }
  return pathways_store_commit_recorded (store, out_undo, error);
}

GHashTable *
pathways_plan_load_rejections (PathwaysStore  *store,
                               GError        **error)
{
  g_autoptr(GListModel) rows = pathways_store_list (store, PATHWAYS_TYPE_PLAN_REJECTION, error);
  GHashTable *rejected;

  if (rows == NULL)
    return NULL;
  rejected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(PathwaysPlanRejection) r = g_list_model_get_item (rows, i);
      g_hash_table_insert (rejected,
                           g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                                            pathways_plan_rejection_get_young_person_id (r),
                                            pathways_plan_rejection_get_unit_id (r)),
                           g_strdup (pathways_plan_rejection_get_reason (r)));
    }
  return rejected;
}

gboolean
pathways_plan_reject (PathwaysStore           *store,
                      const PathwaysProposal  *proposal,
                      const char              *reason,
                      PathwaysChangeSet      **out_undo,
                      GError                 **error)
{
  g_return_val_if_fail (proposal != NULL, FALSE);

  return pathways_plan_reject_many (store, &proposal, 1, reason, out_undo, error);
}

gboolean
pathways_plan_reject_many (PathwaysStore            *store,
                           const PathwaysProposal  **proposals,
                           guint                     n_proposals,
                           const char               *reason,
                           PathwaysChangeSet       **out_undo,
                           GError                  **error)
{
  g_autofree char *today = NULL;
  g_autofree char *trimmed = NULL;
  guint n_units = 0;

  g_return_val_if_fail (PATHWAYS_IS_STORE (store), FALSE);
  g_return_val_if_fail (proposals != NULL || n_proposals == 0, FALSE);

  trimmed = g_strstrip (g_strdup (reason ? reason : ""));
  if (*trimmed == '\0')
    {
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_NEEDS_REASON,
                           _("Give the reason for turning this proposal down"));
      return FALSE;
    }
  for (guint i = 0; i < n_proposals; i++)
    if (proposals[i]->unit_id > 0)
      n_units++;
  if (n_units == 0)
    {
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                           _("Only a proposal of a unit of the register can be turned down."));
      return FALSE;
    }
  today = pathways_clock_dup_today (pathways_store_get_clock (store));
  if (!pathways_store_begin_recorded (store, error))
    return FALSE;
  for (guint i = 0; i < n_proposals; i++)
    {
      g_autoptr(PathwaysPlanRejection) r = NULL;

      if (proposals[i]->unit_id <= 0)
        continue;
      r = g_object_new (PATHWAYS_TYPE_PLAN_REJECTION, "young-person-id", proposals[i]->person_id,
                        "unit-id", proposals[i]->unit_id, "rejected-on", today, "reason", trimmed, NULL);
      if (!pathways_store_insert (store, PATHWAYS_RECORD (r), error))
        {
          pathways_store_rollback_recorded (store);
          return FALSE;
        }
    }
  return pathways_store_commit_recorded (store, out_undo, error);
}

/* Output ------------------------------------------------------------- */

static void
append_csv (GString    *out,
            const char *value)
{
  if (value == NULL)
    return;
  if (strpbrk (value, ",\"\r\n") == NULL && value[0] != '=' && value[0] != '+' && value[0] != '-' && value[0] != '@')
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  /* A leading formula character is quoted away for spreadsheets */
  if (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@')
    g_string_append_c (out, '\'');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_json (GString    *out,
             const char *value)
{
  if (value == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = value; *p; p++)
    {
      guchar c = (guchar) *p;
      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

static void
format_totals_text (GString      *out,
                    PathwaysPlan *plan,
                    const char   *title)
{
  g_autofree char *weekly = pathways_money_format (plan->weekly_cost);

  g_string_append_printf (out, "%s\n", title);
  g_string_append_printf (out, _("  Moves proposed: %d (%d of them after the need date)\n"), plan->n_moves, plan->n_late);
  g_string_append_printf (out, _("  No suitable unit: %d\n"), plan->n_unmet);
  g_string_append_printf (out, _("  Outside the authority: %d\n"), plan->n_out_of_authority);
  g_string_append_printf (out, _("  Weekly cost of the proposed units: %s\n"), weekly);
  g_string_append_printf (out, _("  Objective: %" G_GINT64_FORMAT "\n"), plan->total_cost);
}

/**
 * pathways_plan_format:
 * @compared_with: (nullable): the current plan, when @plan is a what-if
 */
char *
pathways_plan_format (PathwaysPlan       *plan,
                      PathwaysPlan       *compared_with,
                      PathwaysPlanFormat  format)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *uk_today = NULL;

  g_return_val_if_fail (plan != NULL, NULL);
  uk_today = pathways_date_format_uk (plan->today);

  if (format == PATHWAYS_PLAN_FORMAT_CSV)
    {
      g_string_append (out, "date,need_date,need,young_person_id,name,unit_id,unit,kind,area,weekly_cost,"
                            "in_authority,cost,months_waited,why,next_best,what_would_help\n");
      for (guint i = 0; i < plan->proposals->len; i++)
        {
          PathwaysProposal *r = g_ptr_array_index (plan->proposals, i);
          g_autofree char *money = r->unit_id ? pathways_money_format (r->weekly_cost) : NULL;
          g_autoptr(GString) next = g_string_new (NULL);

          for (guint k = 0; k < r->alternatives->len; k++)
            {
              PathwaysPlanAlternative *a = g_ptr_array_index (r->alternatives, k);
              g_string_append_printf (next, "%s%s (+%" G_GINT64_FORMAT ")", k ? "; " : "", a->unit_name, a->extra);
            }
          g_string_append_printf (out, "%s,%s,%s,%" G_GINT64_FORMAT ",", r->date, r->need_date,
                                  pathways_need_kind_code (r->need), r->person_id);
          append_csv (out, r->person_name);
          if (r->unit_id)
            g_string_append_printf (out, ",%" G_GINT64_FORMAT ",", r->unit_id);
          else
            g_string_append (out, ",,");
          append_csv (out, r->unit_id ? r->unit_name : _("No suitable unit"));
          g_string_append_c (out, ',');
          append_csv (out, r->unit_kind);
          g_string_append_c (out, ',');
          append_csv (out, r->unit_area);
          g_string_append_c (out, ',');
          append_csv (out, money);
          g_string_append_printf (out, ",%s,%" G_GINT64_FORMAT ",%d,", r->unit_id ? (r->in_authority ? "yes" : "no") : "",
                                  r->cost, r->months_waited);
          append_csv (out, r->why);
          g_string_append_c (out, ',');
          append_csv (out, next->str);
          g_string_append_c (out, ',');
          append_csv (out, r->what_would_help);
          g_string_append_c (out, '\n');
        }
      for (guint i = 0; i < plan->commissions->len; i++)
        {
          PathwaysCommission *c = g_ptr_array_index (plan->commissions, i);
          g_string_append_printf (out, "%s,,commission,,", c->by);
          append_csv (out, c->text);
          g_string_append (out, ",,,,,,,,,,,\n");
        }
      return g_string_free (g_steal_pointer (&out), FALSE);
    }

  if (format == PATHWAYS_PLAN_FORMAT_JSON)
    {
      g_string_append (out, "{\n  \"today\": ");
      append_json (out, plan->today);
      g_string_append_printf (out, ",\n  \"months\": %d,\n  \"totals\": {\"moves\": %d, \"late\": %d, \"unmet\": %d, "
                                   "\"kept\": %d, \"out_of_authority\": %d, \"weekly_cost_pence\": %" G_GINT64_FORMAT
                                   ", \"objective\": %" G_GINT64_FORMAT ", \"seconds\": %.3f},\n",
                              plan->months, plan->n_moves, plan->n_late, plan->n_unmet, plan->n_kept,
                              plan->n_out_of_authority, plan->weekly_cost, plan->total_cost, plan->seconds);
      if (compared_with != NULL)
        g_string_append_printf (out, "  \"compared_with\": {\"moves\": %d, \"late\": %d, \"unmet\": %d, "
                                     "\"out_of_authority\": %d, \"weekly_cost_pence\": %" G_GINT64_FORMAT
                                     ", \"objective\": %" G_GINT64_FORMAT "},\n",
                                compared_with->n_moves, compared_with->n_late, compared_with->n_unmet,
                                compared_with->n_out_of_authority, compared_with->weekly_cost,
                                compared_with->total_cost);
      g_string_append (out, "  \"proposals\": [");
      for (guint i = 0; i < plan->proposals->len; i++)
        {
          PathwaysProposal *r = g_ptr_array_index (plan->proposals, i);

          g_string_append_printf (out, "%s\n    {\"date\": \"%s\", \"need_date\": \"%s\", \"need\": \"%s\", "
                                       "\"young_person_id\": %" G_GINT64_FORMAT ", \"name\": ",
                                  i ? "," : "", r->date, r->need_date, pathways_need_kind_code (r->need), r->person_id);
          append_json (out, r->person_name);
          if (r->unit_id)
            g_string_append_printf (out, ", \"unit_id\": %" G_GINT64_FORMAT ", \"unit\": ", r->unit_id);
          else
            g_string_append (out, ", \"unit_id\": null, \"unit\": ");
          append_json (out, r->unit_id ? r->unit_name : NULL);
          g_string_append (out, ", \"kind\": ");
          append_json (out, r->unit_kind);
          g_string_append (out, ", \"area\": ");
          append_json (out, r->unit_area);
          g_string_append_printf (out, ", \"weekly_cost_pence\": %" G_GINT64_FORMAT ", \"cost\": %" G_GINT64_FORMAT
                                       ", \"months_waited\": %d, \"why\": ",
                                  r->weekly_cost, r->cost, r->months_waited);
          append_json (out, r->why);
          g_string_append (out, ", \"what_would_help\": ");
          append_json (out, r->what_would_help);
          g_string_append (out, ", \"alternatives\": [");
          for (guint k = 0; k < r->alternatives->len; k++)
            {
              PathwaysPlanAlternative *a = g_ptr_array_index (r->alternatives, k);
              g_string_append_printf (out, "%s{\"unit_id\": %" G_GINT64_FORMAT ", \"unit\": ", k ? ", " : "", a->unit_id);
              append_json (out, a->unit_name);
              g_string_append_printf (out, ", \"cost\": %" G_GINT64_FORMAT ", \"extra\": %" G_GINT64_FORMAT
                                           ", \"taken\": %s}", a->cost, a->extra, a->taken ? "true" : "false");
            }
          g_string_append (out, "]}");
        }
      g_string_append (out, "\n  ],\n  \"commission\": [");
      for (guint i = 0; i < plan->commissions->len; i++)
        {
          PathwaysCommission *c = g_ptr_array_index (plan->commissions, i);
          g_string_append_printf (out, "%s\n    {\"category\": \"%s\", \"area\": ", i ? "," : "", c->category);
          append_json (out, c->area);
          g_string_append_printf (out, ", \"count\": %d, \"by\": \"%s\", \"text\": ", c->count, c->by);
          append_json (out, c->text);
          g_string_append (out, "}");
        }
      g_string_append (out, "\n  ]\n}\n");
      return g_string_free (g_steal_pointer (&out), FALSE);
    }

  /* Text */
  {
    g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Plan from %s for %d month",
                                                           "Plan from %s for %d months", plan->months),
                                              uk_today, plan->months);
    g_string_append_printf (out, "%s\n\n", title);
  }
  for (guint i = 0; i < plan->proposals->len; i++)
    {
      PathwaysProposal *r = g_ptr_array_index (plan->proposals, i);
      g_autofree char *uk = pathways_date_format_uk (r->date);

      if (r->unit_id)
        g_string_append_printf (out, _("%s  %s → %s (%s)\n"), uk, r->person_name, r->unit_name,
                                pathways_need_kind_label (r->need));
      else
        g_string_append_printf (out, _("%s  %s → no suitable unit (%s)\n"), uk, r->person_name,
                                pathways_need_kind_label (r->need));
      if (r->why)
        g_string_append_printf (out, "    %s\n", r->why);
      for (guint k = 0; k < r->alternatives->len; k++)
        {
          PathwaysPlanAlternative *a = g_ptr_array_index (r->alternatives, k);
          if (a->taken && a->extra < 0)
            g_string_append_printf (out, _("    Next best: %s, %" G_GINT64_FORMAT " points less, but the plan gives it "
                                           "to someone who needs it more\n"), a->unit_name, -a->extra);
          else if (a->taken)
            g_string_append_printf (out, _("    Next best: %s, %" G_GINT64_FORMAT " points more (given to someone "
                                           "else)\n"), a->unit_name, a->extra);
          else
            g_string_append_printf (out, _("    Next best: %s, %" G_GINT64_FORMAT " points more\n"), a->unit_name,
                                    a->extra);
        }
      if (r->what_would_help)
        g_string_append_printf (out, "    %s\n", r->what_would_help);
    }
  g_string_append_printf (out, "\n%s\n", _("What to commission"));
  if (plan->commissions->len == 0)
    g_string_append_printf (out, "  %s\n", _("Nothing: every need is met."));
  for (guint i = 0; i < plan->commissions->len; i++)
    g_string_append_printf (out, "  %s\n", ((PathwaysCommission *) g_ptr_array_index (plan->commissions, i))->text);
  g_string_append_c (out, '\n');
  if (compared_with != NULL)
    {
      format_totals_text (out, compared_with, _("Current plan"));
      format_totals_text (out, plan, _("With the what-if"));
    }
  else
    format_totals_text (out, plan, _("Totals"));
  g_string_append_printf (out, _("  Young people with a confirmed move, left as they are: %d\n"), plan->n_kept);
  return g_string_free (g_steal_pointer (&out), FALSE);
}
