/* pathways-sufficiency.c
 *
 * One pass over a rules snapshot, plus the columns the rules do not need
 * (provider type, postcodes, costs of spells) and the area distances of
 * schema version 5.  Nothing here decides what is overdue or unsafe:
 * the compliance lists are the alerts of pathways-rules.c, and the
 * stages, free days and readiness come from there too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-sufficiency"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pathways-entities.h"
#include "pathways-format.h"
#include "pathways-snapshot.h"
#include "pathways-sufficiency.h"

const PathwaysStage pathways_forecast_stages[PATHWAYS_N_FORECAST_STAGES] = {
  PATHWAYS_STAGE_SUPPORTED,
  PATHWAYS_STAGE_STAYING_PUT,
  PATHWAYS_STAGE_STAYING_CLOSE,
  PATHWAYS_STAGE_MOVE_ON,
};

const int pathways_cliff_horizons[PATHWAYS_CLIFF_N_HORIZONS] = { 3, 6, 12 };

static const struct {
  const char *code;
  const char *label;
} mix_kinds[PATHWAYS_N_MIX_KINDS] = {
  { "fostering-in-house", N_("In-house fostering") },
  { "fostering-ifa", N_("Independent fostering agency") },
  { "fostering-kinship", N_("Kinship fostering") },
  { "residential-in-house", N_("In-house residential") },
  { "residential-external", N_("Independent or private residential") },
  { "supported", N_("Supported accommodation") },
  { "staying-put", N_("Staying Put") },
  { "staying-close", N_("Staying Close") },
  { "council", N_("Independent: council tenancy") },
  { "housing-association", N_("Independent: housing association") },
  { "private-rented", N_("Independent: private rented") },
  { "independent-other", N_("Independent: landlord not recorded") },
  { "emergency", N_("Emergency accommodation and B&B") },
  { "other", N_("Other") },
  { "none", N_("No accommodation recorded") },
};

static const char * const foster_in_house_places[] = { "U4", "U5", "U6", NULL };
static const char * const kinship_places[] = { "U1", "U2", "U3", NULL };
static const char * const residential_places[] = { "K1", "K2", "R1", NULL };
static const char * const supported_places[] = { "K3", "H5", NULL };

/* Extra columns, by id */
typedef struct {
  const char *local_id;
  const char *home_postcode;
} PersonExtra;

typedef struct {
  const char *provider_type;
  const char *postcode;
} UnitExtra;

typedef struct {
  const char *place_provider;
  gint64      weekly_cost;
} SpellExtra;

typedef struct {
  PathwaysStoreSufficiency *rows;  /* owns the strings */
  GHashTable   *people;     /* gint64* → PersonExtra* */
  GHashTable   *units;      /* gint64* → UnitExtra* */
  GHashTable   *spells;     /* gint64* → SpellExtra* */
  GHashTable   *districts;  /* district → area */
  GHashTable   *distances;  /* "a\nb" → double* miles */
} Extras;

static void
extras_clear (Extras *x)
{
  g_clear_pointer (&x->people, g_hash_table_unref);
  g_clear_pointer (&x->units, g_hash_table_unref);
  g_clear_pointer (&x->spells, g_hash_table_unref);
  g_clear_pointer (&x->districts, g_hash_table_unref);
  g_clear_pointer (&x->distances, g_hash_table_unref);
  g_clear_pointer (&x->rows, pathways_store_sufficiency_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Extras, extras_clear)

static gboolean
str_in (const char        *s,
        const char * const *list)
{
  for (guint i = 0; s != NULL && list[i] != NULL; i++)
    if (g_str_equal (s, list[i]))
      return TRUE;
  return FALSE;
}

static char *
distance_key (const char *a,
              const char *b)
{
  g_autofree char *la = g_utf8_casefold (a, -1);
  g_autofree char *lb = g_utf8_casefold (b, -1);

  return g_strconcat (la, "\n", lb, NULL);
}

static gboolean
load_extras (PathwaysStore  *store,
             Extras         *x,
             GError        **error)
{
  PathwaysStoreSufficiency *rows = pathways_store_load_sufficiency_rows (store, error);

  if (rows == NULL)
    return FALSE;
  x->rows = rows;
  x->people = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  x->units = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  x->spells = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  x->districts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  x->distances = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  /* Each record is a small struct: id first, so the key is its start */
  for (guint i = 0; i < rows->people->len; i++)
    {
      const PathwaysStoreSufficiencyPerson *p = &g_array_index (rows->people, PathwaysStoreSufficiencyPerson, i);
      struct { gint64 id; PersonExtra e; } *r = g_malloc (sizeof *r);

      r->id = p->id;
      r->e.local_id = p->local_id;
      r->e.home_postcode = p->home_postcode;
      g_hash_table_insert (x->people, r, &r->e);
    }
  for (guint i = 0; i < rows->units->len; i++)
    {
      const PathwaysStoreSufficiencyUnit *u = &g_array_index (rows->units, PathwaysStoreSufficiencyUnit, i);
      struct { gint64 id; UnitExtra e; } *r = g_malloc (sizeof *r);

      r->id = u->id;
      r->e.provider_type = u->provider_type;
      r->e.postcode = u->postcode;
      g_hash_table_insert (x->units, r, &r->e);
    }
  for (guint i = 0; i < rows->spells->len; i++)
    {
      const PathwaysStoreSufficiencySpell *sp = &g_array_index (rows->spells, PathwaysStoreSufficiencySpell, i);
      struct { gint64 id; SpellExtra e; } *r = g_malloc (sizeof *r);

      r->id = sp->id;
      r->e.place_provider = sp->place_provider;
      r->e.weekly_cost = sp->weekly_cost;
      g_hash_table_insert (x->spells, r, &r->e);
    }
  for (guint i = 0; i < rows->districts->len; i++)
    {
      const PathwaysStoreDistrict *d = &g_array_index (rows->districts, PathwaysStoreDistrict, i);

      g_hash_table_insert (x->districts, g_ascii_strup (d->district, -1), g_strdup (d->area));
    }
  for (guint i = 0; i < rows->distances->len; i++)
    {
      const PathwaysStoreDistance *d = &g_array_index (rows->distances, PathwaysStoreDistance, i);

      g_hash_table_insert (x->distances, distance_key (d->from_area, d->to_area),
                           g_memdup2 (&d->miles, sizeof d->miles));
      g_hash_table_insert (x->distances, distance_key (d->to_area, d->from_area),
                           g_memdup2 (&d->miles, sizeof d->miles));
    }
  return TRUE;
}

/* The outward code of a postcode: "NB3 4XY" → "NB3" */
static char *
postcode_district (const char *postcode)
{
  g_autofree char *up = NULL;
  g_autofree char *copy = NULL;
  char *space;
  gsize len;

  if (postcode == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (postcode));
  up = g_ascii_strup (copy, -1);
  if ((space = strchr (up, ' ')) != NULL)
    {
      *space = '\0';
      return g_steal_pointer (&up);
    }
  len = strlen (up);
  if (len < 5)
    return len >= 2 ? g_steal_pointer (&up) : NULL;
  up[len - 3] = '\0';
  return g_steal_pointer (&up);
}

static const char *
area_of_postcode (Extras     *x,
                  const char *postcode)
{
  g_autofree char *district = postcode_district (postcode);

  return district ? g_hash_table_lookup (x->districts, district) : NULL;
}

/* Miles between two areas, or -1 when the table does not say */
static double
area_miles (Extras     *x,
            const char *a,
            const char *b)
{
  g_autofree char *key = NULL;
  double *miles;

  if (a == NULL || b == NULL)
    return -1;
  if (g_utf8_collate (a, b) == 0 || g_ascii_strcasecmp (a, b) == 0)
    return 0;
  key = distance_key (a, b);
  miles = g_hash_table_lookup (x->distances, key);
  return miles ? *miles : -1;
}

static const char *
spell_end (const PathwaysSpellFacts *s)
{
  return g_str_equal (s->state, "ended") ? s->actual_end : s->planned_end;
}

static const PathwaysUnitFacts *
unit_of (PathwaysSnapshot         *snap,
         const PathwaysSpellFacts *s)
{
  return s && s->unit_id ? pathways_snapshot_get_unit (snap, s->unit_id) : NULL;
}

static PathwaysMixKind
classify (PathwaysSnapshot         *snap,
          Extras                   *x,
          const PathwaysSpellFacts *s)
{
  const PathwaysUnitFacts *u = unit_of (snap, s);
  const SpellExtra *se = g_hash_table_lookup (x->spells, &s->id);
  const char *provider = se ? se->place_provider : NULL;

  if (u != NULL && u->kind != NULL)
    {
      const char *k = u->kind;

      if (g_str_equal (k, "council"))
        return PATHWAYS_MIX_COUNCIL;
      if (g_str_equal (k, "housing_association"))
        return PATHWAYS_MIX_HOUSING_ASSOCIATION;
      if (g_str_equal (k, "private_rented"))
        return PATHWAYS_MIX_PRIVATE_RENTED;
      if (str_in (k, (const char *[]) { "supported", "supported_lodgings", "foyer", NULL }))
        return PATHWAYS_MIX_SUPPORTED;
      if (g_str_equal (k, "staying_put"))
        return PATHWAYS_MIX_STAYING_PUT;
      if (g_str_equal (k, "staying_close"))
        return PATHWAYS_MIX_STAYING_CLOSE;
      if (str_in (k, (const char *[]) { "emergency", "bed_and_breakfast", NULL }))
        return PATHWAYS_MIX_EMERGENCY;
    }

  if (str_in (s->place, kinship_places))
    return PATHWAYS_MIX_FOSTERING_KINSHIP;
  if (str_in (s->place, foster_in_house_places))
    return g_strcmp0 (provider, "PR1") == 0 ? PATHWAYS_MIX_FOSTERING_IN_HOUSE : PATHWAYS_MIX_FOSTERING_IFA;
  if (str_in (s->place, residential_places))
    return g_strcmp0 (provider, "PR1") == 0 ? PATHWAYS_MIX_RESIDENTIAL_IN_HOUSE
                                            : PATHWAYS_MIX_RESIDENTIAL_EXTERNAL;
  if (str_in (s->place, supported_places))
    return PATHWAYS_MIX_SUPPORTED;
  if (str_in (s->accom, (const char *[]) { "V", "W", "S", NULL }))
    return PATHWAYS_MIX_EMERGENCY;
  if (g_strcmp0 (s->accom, "Z") == 0)
    return PATHWAYS_MIX_STAYING_PUT;
  if (str_in (s->accom, (const char *[]) { "D", "E", "T", NULL }))
    return PATHWAYS_MIX_SUPPORTED;
  if (g_strcmp0 (s->accom, "U") == 0)
    return PATHWAYS_MIX_INDEPENDENT_OTHER;
  return PATHWAYS_MIX_OTHER;
}

/* In-house (own authority) or external, from the unit's provider type
 * or the spell's 903 PLACE_PROVIDER; -1 when neither says */
static int
in_house (PathwaysSnapshot         *snap,
          Extras                   *x,
          const PathwaysSpellFacts *s)
{
  const SpellExtra *se = g_hash_table_lookup (x->spells, &s->id);
  const UnitExtra *ue = s->unit_id ? g_hash_table_lookup (x->units, &s->unit_id) : NULL;

  if (ue != NULL && ue->provider_type != NULL)
    return g_str_equal (ue->provider_type, "own_la");
  if (se != NULL && se->place_provider != NULL)
    return g_str_equal (se->place_provider, "PR1");
  return -1;
}

static void
count_place (PathwaysSufficiency       *suff,
             PathwaysSnapshot          *snap,
             Extras                    *x,
             const PathwaysPersonFacts *p,
             const PathwaysSpellFacts  *s,
             PathwaysMixKind            kind)
{
  PathwaysMixFigures *f[2] = { &suff->mix[kind], &suff->all };
  const PathwaysUnitFacts *u = unit_of (snap, s);
  const SpellExtra *se = g_hash_table_lookup (x->spells, &s->id);
  const PersonExtra *pe = g_hash_table_lookup (x->people, &p->id);
  int house = in_house (snap, x, s);
  gint64 cost = se && se->weekly_cost > 0 ? se->weekly_cost : (u ? u->weekly_cost : 0);
  double miles = -1;

  if (u != NULL)
    {
      const UnitExtra *ue = g_hash_table_lookup (x->units, &u->id);
      const char *unit_area = u->area ? u->area : (ue ? area_of_postcode (x, ue->postcode) : NULL);
      const char *home_area = pe ? area_of_postcode (x, pe->home_postcode) : NULL;
      miles = area_miles (x, home_area, unit_area);
    }

  for (guint i = 0; i < G_N_ELEMENTS (f); i++)
    {
      f[i]->count++;
      if (house < 0)
        f[i]->provider_unknown++;
      else if (house)
        f[i]->in_house++;
      else
        f[i]->external++;
      if (u == NULL)
        f[i]->location_unknown++;
      else if (u->in_authority)
        f[i]->in_authority++;
      else
        f[i]->out_of_authority++;
      if (miles < 0)
        f[i]->distance_unknown++;
      else if (miles > PATHWAYS_FAR_FROM_HOME_MILES)
        f[i]->far++;
      else
        f[i]->near++;
      if (cost > 0)
        {
          f[i]->n_costed++;
          f[i]->total_cost += cost;
        }
    }
}

/* The latest-starting spell that is not ended and holds @date */
static const PathwaysSpellFacts *
open_spell_on (const PathwaysPersonFacts *p,
               const char                *date)
{
  const PathwaysSpellFacts *found = NULL;

  for (guint i = 0; p->spells && i < p->spells->len; i++)
    {
      const PathwaysSpellFacts *s = g_ptr_array_index (p->spells, i);
      if (!g_str_equal (s->state, "ended") && pathways_rules_spell_covers (s, date) &&
          (found == NULL || strcmp (s->start, found->start) >= 0))
        found = s;
    }
  return found;
}

static PathwaysRoute
route_of_stage (PathwaysStage stage)
{
  switch (stage)
    {
    case PATHWAYS_STAGE_STAYING_PUT:
      return PATHWAYS_ROUTE_STAYING_PUT;
    case PATHWAYS_STAGE_STAYING_CLOSE:
      return PATHWAYS_ROUTE_STAYING_CLOSE;
    case PATHWAYS_STAGE_SUPPORTED:
      return PATHWAYS_ROUTE_SUPPORTED;
    case PATHWAYS_STAGE_MOVE_ON:
      return PATHWAYS_ROUTE_MOVE_ON;
    case PATHWAYS_STAGE_LOOKED_AFTER:
    case PATHWAYS_STAGE_OTHER:
    case PATHWAYS_N_STAGES:
    default:
      return PATHWAYS_ROUTE_OTHER;
    }
}

static PathwaysStage
spell_stage (PathwaysSnapshot         *snap,
             const PathwaysSpellFacts *s)
{
  const PathwaysUnitFacts *u = unit_of (snap, s);

  return pathways_rules_stage (u ? u->kind : NULL, s->accom, s->place);
}

/* The route planned from the 18th birthday: the accommodation booked or
 * continuing from that day, or a move scheduled up to it */
static PathwaysRoute
planned_route (PathwaysSnapshot          *snap,
               const PathwaysPersonFacts *p,
               const char                *b18)
{
  const PathwaysSpellFacts *s = open_spell_on (p, b18);
  const PathwaysTransitionFacts *best = NULL;

  if (s != NULL)
    return route_of_stage (spell_stage (snap, s));
  for (guint i = 0; p->transitions && i < p->transitions->len; i++)
    {
      const PathwaysTransitionFacts *t = g_ptr_array_index (p->transitions, i);
      if (t->to_unit_id != 0 && strcmp (t->planned_date, b18) <= 0 &&
          (best == NULL || strcmp (t->planned_date, best->planned_date) > 0))
        best = t;
    }
  if (best != NULL)
    {
      const PathwaysUnitFacts *u = pathways_snapshot_get_unit (snap, best->to_unit_id);
      if (u != NULL)
        return route_of_stage (pathways_rules_stage (u->kind, NULL, NULL));
    }
  return PATHWAYS_ROUTE_NONE;
}

/* Is the unit already booked for someone from @day on?  Then the days it
 * stands empty before are a gap between lets, not a place to offer. */
static gboolean
booked_from (const PathwaysUnitFacts *u,
             const char              *day)
{
  for (guint i = 0; u->spells && i < u->spells->len; i++)
    {
      const PathwaysSpellFacts *s = g_ptr_array_index (u->spells, i);
      if (!g_str_equal (s->state, "ended") && strcmp (s->start, day) >= 0)
        return TRUE;
    }
  return FALSE;
}

static int
forecast_index (PathwaysStage stage)
{
  for (int i = 0; i < PATHWAYS_N_FORECAST_STAGES; i++)
    if (pathways_forecast_stages[i] == stage)
      return i;
  return -1;
}

static int
month_index (const GDate *first,
             const char  *iso)
{
  GDate d;

  if (!pathways_date_parse_iso (iso, &d))
    return -1;
  return ((int) g_date_get_year (&d) - (int) g_date_get_year (first)) * 12 +
         ((int) g_date_get_month (&d) - (int) g_date_get_month (first));
}

/* When does this young person next need a place no one has found yet,
 * and of which stage?  Returns FALSE when nothing ends within the
 * forecast, or the next place is already booked. */
static gboolean
unmet_need (PathwaysSnapshot          *snap,
            const PathwaysPersonFacts *p,
            const PathwaysSpellFacts  *cur,
            PathwaysMixKind            cur_kind,
            const char                *on,
            char                     **out_date,
            PathwaysStage             *out_stage)
{
  const PathwaysRuleSettings *settings = pathways_snapshot_get_settings (snap);
  const PathwaysSpellFacts *last = NULL;
  PathwaysStage from = PATHWAYS_STAGE_OTHER;
  g_autofree char *need = NULL;
  int age_then, readiness;
  gboolean ready;

  if (cur == NULL || cur_kind == PATHWAYS_MIX_EMERGENCY)
    {
      /* Somewhere already booked from a later day meets the need */
      for (guint i = 0; p->spells && i < p->spells->len; i++)
        {
          const PathwaysSpellFacts *s = g_ptr_array_index (p->spells, i);
          if (s != cur && !g_str_equal (s->state, "ended") && strcmp (s->start, on) > 0)
            return FALSE;
        }
      need = g_strdup (on);
    }
  else
    {
      const char *end;

      /* Follow the chain of booked accommodation to its end */
      for (guint i = 0; p->spells && i < p->spells->len; i++)
        {
          const PathwaysSpellFacts *s = g_ptr_array_index (p->spells, i);
          if (!g_str_equal (s->state, "ended") && strcmp (s->start, cur->start) >= 0 &&
              (last == NULL || strcmp (s->start, last->start) >= 0))
            last = s;
        }
      if (last == NULL)
        last = cur;
      from = spell_stage (snap, last);
      end = spell_end (last);
      if (end != NULL)
        need = g_strdup (end);
      else if (from == PATHWAYS_STAGE_LOOKED_AFTER)
        need = pathways_date_birthday (p->date_of_birth, 18);
      else if (from == PATHWAYS_STAGE_STAYING_PUT)
        need = pathways_date_birthday (p->date_of_birth, 21);
      if (need == NULL)
        return FALSE;  /* nothing ends, or only after the end of the calendar */

      /* A move planned from then on to an address outside the register */
      for (guint i = 0; p->transitions && i < p->transitions->len; i++)
        {
          const PathwaysTransitionFacts *t = g_ptr_array_index (p->transitions, i);
          if (strcmp (t->planned_date, need) >= 0)
            return FALSE;
        }
      if (strcmp (need, on) < 0)
        {
          g_free (need);
          need = g_strdup (on);
        }
    }

  age_then = pathways_date_age_on (p->date_of_birth, need);
  if (age_then >= 25)
    return FALSE;

  readiness = pathways_rules_readiness (settings, p);
  ready = readiness >= 0 ? readiness >= settings->readiness_threshold : age_then >= 21;

  if (age_then < 18)
    *out_stage = PATHWAYS_STAGE_SUPPORTED;
  else if (from == PATHWAYS_STAGE_LOOKED_AFTER && age_then < 21 &&
           str_in (last->place, (const char *[]) { "U1", "U2", "U3", "U4", "U5", "U6", NULL }))
    *out_stage = PATHWAYS_STAGE_STAYING_PUT;
  else if (from == PATHWAYS_STAGE_LOOKED_AFTER && age_then < 21 && str_in (last->place, residential_places))
    *out_stage = PATHWAYS_STAGE_STAYING_CLOSE;
  else if (from == PATHWAYS_STAGE_MOVE_ON || ready)
    *out_stage = PATHWAYS_STAGE_MOVE_ON;
  else
    *out_stage = PATHWAYS_STAGE_SUPPORTED;

  *out_date = g_steal_pointer (&need);
  return TRUE;
}

static PathwaysCompliance
compliance_of (const char *kind)
{
  if (g_str_equal (kind, PATHWAYS_ALERT_PLAN_REVIEW))
    return PATHWAYS_COMPLIANCE_PLAN_OVERDUE;
  if (g_str_equal (kind, PATHWAYS_ALERT_CONTACT))
    return PATHWAYS_COMPLIANCE_CONTACT_OVERDUE;
  if (g_str_equal (kind, PATHWAYS_ALERT_EMERGENCY))
    return PATHWAYS_COMPLIANCE_EMERGENCY;
  if (g_str_equal (kind, PATHWAYS_ALERT_UNREGISTERED))
    return PATHWAYS_COMPLIANCE_UNREGISTERED;
  if (g_str_equal (kind, PATHWAYS_ALERT_STAYING_PUT_ENDING))
    return PATHWAYS_COMPLIANCE_STAYING_PUT_ENDING;
  return PATHWAYS_N_COMPLIANCE;
}

static void
compliance_item_free (gpointer data)
{
  PathwaysComplianceItem *item = data;

  g_free (item->name);
  g_free (item->local_id);
  g_free (item->due);
  g_free (item->text);
  g_free (item);
}

static void
compute_gaps (PathwaysSufficiency *suff)
{
  for (int k = 0; k < PATHWAYS_N_FORECAST_STAGES; k++)
    {
      PathwaysGap *gap = &suff->gaps[k];
      int cum_demand = 0, cum_supply = 0;

      gap->stage = pathways_forecast_stages[k];
      for (int m = 0; m < PATHWAYS_SUFFICIENCY_MONTHS; m++)
        {
          int running;

          cum_demand += suff->demand[k][m];
          cum_supply += suff->supply[k][m];
          running = cum_demand - cum_supply;
          if (running > 0 && gap->first_by == NULL)
            {
              gap->first_shortfall = running;
              gap->first_by = g_strdup (suff->months[m]);
            }
          if (running > gap->shortfall)
            {
              gap->shortfall = running;
              g_free (gap->shortfall_by);
              gap->shortfall_by = g_strdup (suff->months[m]);
            }
        }
      gap->demand = cum_demand;
      gap->supply = cum_supply;
    }
}

/**
 * pathways_sufficiency_compute:
 * @on: the day the figures are for (ISO)
 *
 * Returns: (transfer full): the figures, or %NULL with @error set
 */
PathwaysSufficiency *
pathways_sufficiency_compute (PathwaysStore  *store,
                              const char     *on,
                              GError        **error)
{
  g_autoptr(PathwaysSnapshot) snap = NULL;
  g_autoptr(PathwaysSufficiency) suff = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  g_auto(Extras) x = { 0 };
  g_autofree char *first_iso = NULL;
  char *cliff_limits[PATHWAYS_CLIFF_N_HORIZONS] = { NULL };
  GHashTable *people, *units;
  GHashTableIter iter;
  gpointer value;
  GDate first;

  g_return_val_if_fail (PATHWAYS_IS_STORE (store), NULL);
  g_return_val_if_fail (pathways_date_parse_iso (on, &first), NULL);

  /* The snapshot and the extra columns from one state of the data */
  if (!pathways_store_begin_read (store, error))
    return NULL;
  snap = pathways_snapshot_load_shared (store, on, error);
  if (snap != NULL && !load_extras (store, &x, error))
    g_clear_pointer (&snap, pathways_snapshot_free);
  pathways_store_end_read (store);
  if (snap == NULL)
    return NULL;

  suff = g_new0 (PathwaysSufficiency, 1);
  suff->date = g_strdup (on);
  {
    const char *name = pathways_snapshot_get_settings (snap)->authority_name;
    suff->authority_name = name && *name ? g_strdup (name) : NULL;
  }
  for (int i = 0; i < PATHWAYS_N_COMPLIANCE; i++)
    suff->compliance[i] = g_ptr_array_new_with_free_func (compliance_item_free);

  g_date_set_day (&first, 1);
  first_iso = pathways_date_to_iso (&first);
  for (int m = 0; m < PATHWAYS_SUFFICIENCY_MONTHS; m++)
    suff->months[m] = pathways_date_add_months (first_iso, m);
  for (int h = 0; h < PATHWAYS_CLIFF_N_HORIZONS; h++)
    cliff_limits[h] = pathways_date_add_months (on, pathways_cliff_horizons[h]);

  /* People: mix, cliff edge, demand */
  people = pathways_snapshot_get_people (snap);
  g_hash_table_iter_init (&iter, people);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const PathwaysPersonFacts *p = value;
      const PathwaysSpellFacts *cur;
      PathwaysMixKind kind;
      g_autofree char *need = NULL;
      PathwaysStage need_stage;
      int age = pathways_date_age_on (p->date_of_birth, on);
      g_autofree char *b18 = pathways_date_birthday (p->date_of_birth, 18);

      if (age >= 25)
        continue;
      suff->n_people++;

      cur = pathways_rules_spell_on (p, on);
      if (cur != NULL)
        {
          kind = classify (snap, &x, cur);
          count_place (suff, snap, &x, p, cur, kind);
        }
      else
        {
          kind = PATHWAYS_MIX_NONE;
          suff->mix[kind].count++;
        }

      /* (no 18th birthday within the calendar, or no usable date of birth: NULL) */
      if (age < 18 && b18 != NULL)
        {
          PathwaysRoute route = planned_route (snap, p, b18);

          /* (a horizon after the end of the calendar, NULL, takes in every birthday) */
          for (int h = 0; h < PATHWAYS_CLIFF_N_HORIZONS; h++)
            if (cliff_limits[h] == NULL || strcmp (b18, cliff_limits[h]) <= 0)
              {
                suff->cliff_total[h]++;
                suff->cliff_by_mix[kind][h]++;
                suff->cliff_by_route[route][h]++;
              }
        }

      if (unmet_need (snap, p, cur, kind, on, &need, &need_stage))
        {
          int k = forecast_index (need_stage);
          int m = month_index (&first, need);

          if (k >= 0 && m >= 0 && m < PATHWAYS_SUFFICIENCY_MONTHS)
            suff->demand[k][m]++;
        }
    }

  /* Units: supply, the month each first comes free */
  units = pathways_snapshot_get_units (snap);
  g_hash_table_iter_init (&iter, units);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const PathwaysUnitFacts *u = value;
      int k = forecast_index (pathways_rules_stage (u->kind, NULL, NULL));
      g_autofree char *free_from = NULL;
      int m;

      if (k < 0)
        continue;
      free_from = pathways_rules_unit_free_from (u, on);
      if (free_from == NULL || booked_from (u, free_from))
        continue;
      m = month_index (&first, free_from);
      if (m >= 0 && m < PATHWAYS_SUFFICIENCY_MONTHS)
        suff->supply[k][m]++;
    }

  compute_gaps (suff);
  for (int h = 0; h < PATHWAYS_CLIFF_N_HORIZONS; h++)
    g_free (cliff_limits[h]);

  /* Compliance: the rules engine's alerts */
  alerts = pathways_snapshot_alerts (snap, 0);
  for (guint i = 0; i < alerts->len; i++)
    {
      const PathwaysAlertFacts *a = g_ptr_array_index (alerts, i);
      PathwaysCompliance list = compliance_of (a->kind);
      const PathwaysPersonFacts *p;
      const PersonExtra *pe;
      PathwaysComplianceItem *item;

      if (list == PATHWAYS_N_COMPLIANCE)
        continue;
      p = pathways_snapshot_get_person (snap, a->person_id);
      pe = g_hash_table_lookup (x.people, &a->person_id);
      item = g_new0 (PathwaysComplianceItem, 1);
      item->list = list;
      item->severity = a->severity;
      item->person_id = a->person_id;
      item->name = g_strdup (p ? p->name : NULL);
      item->local_id = g_strdup (pe ? pe->local_id : NULL);
      item->due = g_strdup (a->due);
      item->text = g_strdup (a->text);
      g_ptr_array_add (suff->compliance[list], item);
    }

  return g_steal_pointer (&suff);
}

void
pathways_sufficiency_free (PathwaysSufficiency *self)
{
  if (self == NULL)
    return;
  g_free (self->date);
  g_free (self->authority_name);
  for (int m = 0; m < PATHWAYS_SUFFICIENCY_MONTHS; m++)
    g_free (self->months[m]);
  for (int k = 0; k < PATHWAYS_N_FORECAST_STAGES; k++)
    {
      g_free (self->gaps[k].shortfall_by);
      g_free (self->gaps[k].first_by);
    }
  for (int i = 0; i < PATHWAYS_N_COMPLIANCE; i++)
    g_clear_pointer (&self->compliance[i], g_ptr_array_unref);
  g_free (self);
}

void
pathways_sufficiency_compute_async (PathwaysStore       *store,
                                    const char          *on,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  pathways_store_load_in_thread (store, on, (PathwaysStoreLoadFunc) pathways_sufficiency_compute,
                                 (GDestroyNotify) pathways_sufficiency_free, pathways_sufficiency_compute_async,
                                 cancellable, callback, user_data);
}

PathwaysSufficiency *
pathways_sufficiency_compute_finish (PathwaysStore  *store,
                                     GAsyncResult   *result,
                                     GError        **error)
{
  return pathways_store_load_in_thread_finish (store, result, pathways_sufficiency_compute_async, error);
}

/* Labels and derived figures ------------------------------------------ */

const char *
pathways_mix_kind_code (PathwaysMixKind kind)
{
  g_return_val_if_fail (kind < PATHWAYS_N_MIX_KINDS, NULL);
  return mix_kinds[kind].code;
}

const char *
pathways_mix_kind_label (PathwaysMixKind kind)
{
  g_return_val_if_fail (kind < PATHWAYS_N_MIX_KINDS, NULL);
  return _(mix_kinds[kind].label);
}

const char *
pathways_route_label (PathwaysRoute route)
{
  switch (route)
    {
    case PATHWAYS_ROUTE_STAYING_PUT:
      return _("Staying Put");
    case PATHWAYS_ROUTE_STAYING_CLOSE:
      return _("Staying Close");
    case PATHWAYS_ROUTE_SUPPORTED:
      return _("Supported accommodation");
    case PATHWAYS_ROUTE_MOVE_ON:
      return _("Move-on");
    case PATHWAYS_ROUTE_OTHER:
      return _("Other");
    case PATHWAYS_ROUTE_NONE:
    case PATHWAYS_N_ROUTES:
    default:
      return _("None yet");
    }
}

const char *
pathways_compliance_label (PathwaysCompliance list)
{
  switch (list)
    {
    case PATHWAYS_COMPLIANCE_PLAN_OVERDUE:
      return _("Pathway plan reviews overdue");
    case PATHWAYS_COMPLIANCE_CONTACT_OVERDUE:
      return _("Personal adviser contact overdue");
    case PATHWAYS_COMPLIANCE_EMERGENCY:
      return _("In bed and breakfast or emergency accommodation");
    case PATHWAYS_COMPLIANCE_UNREGISTERED:
      return _("Aged 16–17 in unregistered accommodation");
    case PATHWAYS_COMPLIANCE_STAYING_PUT_ENDING:
    case PATHWAYS_N_COMPLIANCE:
    default:
      return _("Staying Put ending without a plan");
    }
}

const char *
pathways_compliance_description (PathwaysCompliance list)
{
  switch (list)
    {
    case PATHWAYS_COMPLIANCE_PLAN_OVERDUE:
      return _("Reviewed less often than every six months, or not after a move");
    case PATHWAYS_COMPLIANCE_CONTACT_OVERDUE:
      return _("No contact recorded within the local contact interval");
    case PATHWAYS_COMPLIANCE_EMERGENCY:
      return _("Allowed only in an emergency, for at most two working days");
    case PATHWAYS_COMPLIANCE_UNREGISTERED:
      return _("Supported accommodation for 16–17s must be registered with Ofsted");
    case PATHWAYS_COMPLIANCE_STAYING_PUT_ENDING:
    case PATHWAYS_N_COMPLIANCE:
    default:
      return _("Turning 21 within six months with no move planned");
    }
}

double
pathways_sufficiency_percent (int part,
                              int whole)
{
  return whole > 0 ? 100.0 * part / whole : 0.0;
}

gint64
pathways_mix_figures_average_cost (const PathwaysMixFigures *f)
{
  g_return_val_if_fail (f != NULL, 0);
  /* Rounded to the nearest penny */
  return f->n_costed > 0 ? (f->total_cost + f->n_costed / 2) / f->n_costed : 0;
}

char *
pathways_month_label (const char *iso_first_day)
{
  GDate d;
  char buf[64];

  if (!pathways_date_parse_iso (iso_first_day, &d))
    return g_strdup ("");
  /* Translators: a month and year, strftime format: "June 2027" */
  g_date_strftime (buf, sizeof buf, C_("month and year", "%B %Y"), &d);
  return g_strdup (buf);
}

char *
pathways_month_short_label (const char *iso_first_day)
{
  GDate d;
  char buf[64];

  if (!pathways_date_parse_iso (iso_first_day, &d))
    return g_strdup ("");
  /* Translators: a short month and year for a chart axis, strftime format: "Jun 27" */
  g_date_strftime (buf, sizeof buf, C_("short month and year", "%b %y"), &d);
  return g_strdup (buf);
}

char *
pathways_gap_describe (const PathwaysGap *gap)
{
  g_autofree char *by = NULL;
  g_autofree char *first = NULL;
  const char *stage;

  g_return_val_if_fail (gap != NULL, NULL);
  if (gap->shortfall <= 0)
    return NULL;

  by = pathways_month_label (gap->shortfall_by);
  first = pathways_month_label (gap->first_by);
  stage = pathways_stage_label (gap->stage);
  if (g_strcmp0 (gap->first_by, gap->shortfall_by) == 0)
    /* Translators: "Move-on: 6 more places needed by June 2027" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %d more place needed by %s",
                                         "%s: %d more places needed by %s", gap->shortfall),
                            stage, gap->shortfall, by);
  /* Translators: "Move-on: 6 more places needed by June 2027, 2 of them by January 2027" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %d more places needed by %s, %d of them by %s",
                                       "%s: %d more places needed by %s, %d of them by %s",
                                       gap->first_shortfall),
                          stage, gap->shortfall, by, gap->first_shortfall, first);
}

/**
 * pathways_sufficiency_compliance_model:
 *
 * Returns: (transfer full): the list as PathwaysAlert records, for views
 */
GListModel *
pathways_sufficiency_compliance_model (PathwaysSufficiency *self,
                                       PathwaysCompliance   list)
{
  GListStore *store;
  GPtrArray *items;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (list < PATHWAYS_N_COMPLIANCE, NULL);

  store = g_list_store_new (PATHWAYS_TYPE_ALERT);
  items = self->compliance[list];
  for (guint i = 0; i < items->len; i++)
    {
      const PathwaysComplianceItem *item = g_ptr_array_index (items, i);
      g_autoptr(PathwaysAlert) alert = g_object_new (PATHWAYS_TYPE_ALERT,
                                                     "severity", (gint64) item->severity,
                                                     "severity-label", pathways_severity_label (item->severity),
                                                     "kind", pathways_compliance_label (list),
                                                     "due-date", item->due,
                                                     "young-person-id", item->person_id,
                                                     "person-name", item->name,
                                                     "local-id", item->local_id,
                                                     "reason", item->text,
                                                     NULL);
      g_list_store_append (store, alert);
    }
  return G_LIST_MODEL (store);
}
