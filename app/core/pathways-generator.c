/* pathways-generator.c — the synthetic authority "Northbrook"
 *
 * Shares follow the committee reports in shared/seeds (Barnet 2017
 * placement mix, IFA £904/week v in-house £565/week, supported
 * accommodation £260–£1,500/week) and domain.md: 15–25% unaccompanied
 * asylum-seeking young people, most placements in area, some overdue
 * milestones, some gaps and a few bed-and-breakfast stays so that the
 * alerts have something to find.  Every name is invented.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-generator"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pathways-format.h"
#include "pathways-generator.h"
#include "pathways-planner.h"
#include "pathways-vocab.h"

typedef struct {
  char   *start;
  char   *end;  /* exclusive; NULL = open */
} Interval;

typedef struct {
  gint64     id;
  const char *kind;
  int        min_age;
  int        max_age;
  gint64     cost;
  gboolean   in_authority;
  GArray    *busy;  /* Interval */
  gboolean   planned;
} UnitInfo;

typedef struct {
  PathwaysStore         *store;
  GRand                 *rand;
  const char            *today;
  PathwaysGenerateStats  stats;
  GPtrArray             *units;      /* UnitInfo */
  GHashTable            *by_kind;    /* kind → GPtrArray of UnitInfo */
  GArray                *pas;        /* gint64 staff ids */
  GPtrArray             *pa_teams;   /* char * */
  GArray                *housing;    /* gint64 staff ids */
  GArray                *templates;  /* gint64 ids */
  GPtrArray             *template_records;
} Gen;

static const char * const given_names_f[] = {
  "Amara", "Bethany", "Chloe", "Daisy", "Ebony", "Freya", "Grace", "Hana", "Imani", "Jasmine",
  "Kayla", "Leah", "Maya", "Nadia", "Olivia", "Priya", "Rosie", "Sofia", "Tia", "Zara",
  "Aisha", "Megan", "Holly", "Kezia", "Lily", "Niamh", "Poppy", "Saffron", "Yasmin", "Eden",
};
static const char * const given_names_m[] = {
  "Aaron", "Ben", "Callum", "Dylan", "Ethan", "Finley", "Harvey", "Isaac", "Jayden", "Kai",
  "Liam", "Mason", "Noah", "Oscar", "Reece", "Samuel", "Tyler", "Zak", "Kian", "Leon",
  "Rhys", "Corey", "Jake", "Mohammed", "Ryan", "Luca", "Theo", "Ellis", "Jordan", "Connor",
};
static const char * const given_names_uasc[] = {
  "Abdi", "Ahmad", "Ali", "Amanuel", "Aziz", "Bilal", "Dawit", "Elias", "Farhad", "Habib",
  "Hamid", "Idris", "Jamal", "Kidane", "Mahdi", "Mustafa", "Nahom", "Omid", "Rahim", "Samir",
  "Senait", "Tesfay", "Yonas", "Yusuf", "Zabi", "Awet", "Eyob", "Filmon", "Hassan", "Selam",
};
static const char * const family_names[] = {
  "Adeyemi", "Ashworth", "Barker", "Bennett", "Brennan", "Carver", "Collins", "Dawson", "Delaney",
  "Edwards", "Fairbairn", "Fletcher", "Gallagher", "Gordon", "Hartley", "Holloway", "Hughes",
  "Ibrahim", "Jennings", "Kaur", "Kowalski", "Lawson", "Lindqvist", "Mahmood", "Marsh", "Mensah",
  "Morgan", "Nowak", "Okafor", "O'Neill", "Patel", "Pearce", "Quinn", "Rahman", "Reid", "Sampson",
  "Shah", "Sinclair", "Thornton", "Underwood", "Varga", "Walsh", "Whitfield", "Yeboah", "Young",
};
static const char * const family_names_uasc[] = {
  "Ahmadi", "Ali", "Berhane", "Gebre", "Haile", "Hashimi", "Hussaini", "Kebede", "Mohammadi",
  "Nazari", "Osman", "Rezaei", "Sharifi", "Tekle", "Woldu", "Yousufzai", "Abdullahi", "Hassan",
};
static const char * const staff_given[] = {
  "Alison", "Bernard", "Carmen", "Deepa", "Elliot", "Fiona", "Graham", "Helen", "Ifeoma", "James",
  "Karen", "Lewis", "Marta", "Neil", "Olu", "Paula", "Rajesh", "Sian", "Tom", "Vanessa",
};

/* Areas of the fictional authority of Northbrook, and beyond it */
static const char * const areas_in[] = {
  "Northbrook Central", "Eastfield", "Westmoor", "Southgate", "Millbank", "Riverside",
};
static const char * const areas_in_prefix[] = { "NB1", "NB2", "NB3", "NB4", "NB5", "NB6" };
static const char * const areas_out[] = {
  "Hatherley", "Ashcombe", "Kingsford", "Elmstead", "Coldharbour",
};
static const char * const areas_out_prefix[] = { "HT4", "AC2", "KF7", "EL3", "CH9" };

static const char * const streets[] = {
  "Albert Road", "Beech Avenue", "Canal Street", "Dover Close", "Elm Grove", "Foundry Lane",
  "Granville Terrace", "High Street", "Isledon Way", "Juniper Court", "Kestrel Drive",
  "Larch Road", "Market Street", "Nelson Place", "Orchard Rise", "Priory Walk", "Queen's Parade",
  "Rowan Close", "Station Road", "Tannery Yard", "Victoria Street", "Willow Bank",
};

static const char * const supported_providers[] = {
  "Bridgeway Support", "Open Door Youth", "Compass Living", "Harbour Supported Housing",
  "Keystone Young People's Services", "Lantern Trust",
};
static const char * const ha_providers[] = {
  "Greenway Homes", "Northbrook Housing Trust", "Pennant Housing Association", "Meridian Homes",
};

static const char * const wishes[] = {
  "I want to stay near my college and my friends.",
  "I'd like my own flat but not too far from my foster carers.",
  "I want to learn to cook properly before I move.",
  "Please don't move me again before my exams.",
  "I want to live somewhere quiet where I can study.",
  "I want to be near the mosque and my community.",
  "I'd like to stay with Jan and Pete until I finish my apprenticeship.",
  "I want to be closer to my little brother.",
  "I don't want to share a kitchen with lots of people.",
  "I want a place with a garden for my dog one day.",
  "I need help with money before I get my own place.",
  "I want to stay in Northbrook, it's where I feel safe.",
};
static const char * const needs[] = {
  "Needs support with budgeting and bills.",
  "Anxiety; engaged with CAMHS transition to adult services.",
  "Attending college; needs a stable base through the course.",
  "Learning difficulty; benefits from visual prompts and a consistent worker.",
  "Young parent; needs space for a baby.",
  "Asylum claim pending; solicitor at Northbrook Law Centre.",
  "Mild asthma; otherwise well.",
  "Working part time; wants help with a tenancy application.",
  "Past substance misuse; engaged with young people's drug service.",
  "Needs ground-floor accommodation (mobility).",
};
static const char * const custom_milestones[] = {
  "Driving lessons started", "College application submitted", "Cooking course completed",
  "Bus pass arranged", "Meet new PA with current PA", "Visit to proposed move-on flat",
  "Setting Up Home Allowance spent plan agreed", "Life-story work session",
};

static int
rint_range (Gen *g,
            int  lo,
            int  hi)
{
  return g_rand_int_range (g->rand, lo, hi + 1);
}

static gboolean
chance (Gen    *g,
        double  p)
{
  return g_rand_double (g->rand) < p;
}

#define PICK(g, arr) ((arr)[g_rand_int_range ((g)->rand, 0, G_N_ELEMENTS (arr))])

static void
unit_info_free (gpointer data)
{
  UnitInfo *u = data;

  for (guint i = 0; i < u->busy->len; i++)
    {
      Interval *iv = &g_array_index (u->busy, Interval, i);
      g_free (iv->start);
      g_free (iv->end);
    }
  g_array_unref (u->busy);
  g_free (u);
}

/* Is @u free over [start, end)?  end NULL = open-ended */
static gboolean
unit_is_free (UnitInfo   *u,
              const char *start,
              const char *end)
{
  for (guint i = 0; i < u->busy->len; i++)
    {
      Interval *iv = &g_array_index (u->busy, Interval, i);
      gboolean before = end != NULL && strcmp (end, iv->start) <= 0;
      gboolean after = iv->end != NULL && strcmp (iv->end, start) <= 0;

      if (!before && !after)
        return FALSE;
    }
  return TRUE;
}

static void
unit_book (UnitInfo   *u,
           const char *start,
           const char *end)
{
  Interval iv = { g_strdup (start), g_strdup (end) };

  g_array_append_val (u->busy, iv);
}

/* The open-ended booking of @u that started on @start now ends on @end */
static void
unit_release (UnitInfo   *u,
              const char *start,
              const char *end)
{
  if (u == NULL)
    return;
  for (guint i = 0; i < u->busy->len; i++)
    {
      Interval *iv = &g_array_index (u->busy, Interval, i);
      if (iv->end == NULL && g_str_equal (iv->start, start))
        {
          iv->end = g_strdup (end);
          return;
        }
    }
}

static UnitInfo *
find_unit (Gen        *g,
           const char *kind,
           int         age,
           const char *start,
           const char *end,
           gboolean    prefer_in_area)
{
  GPtrArray *list = g_hash_table_lookup (g->by_kind, kind);
  guint n, first;

  if (list == NULL || list->len == 0)
    return NULL;

  n = list->len;
  first = (guint) g_rand_int_range (g->rand, 0, (gint32) n);
  for (int pass = 0; pass < 2; pass++)
    for (guint k = 0; k < n; k++)
      {
        UnitInfo *u = g_ptr_array_index (list, (first + k) % n);

        if (pass == 0 && prefer_in_area && !u->in_authority)
          continue;
        if (age < u->min_age || (u->max_age != 0 && age > u->max_age))
          continue;
        if (unit_is_free (u, start, end))
          return u;
      }
  return NULL;
}

static gboolean
add_staff (Gen         *g,
           const char  *name,
           const char  *role,
           const char  *team,
           gint64      *out_id,
           GError     **error)
{
  g_autoptr(PathwaysStaff) staff = pathways_staff_new (name, role, team);
  g_autofree char *email = NULL;
  g_autofree char *lower = g_ascii_strdown (name, -1);

  g_strdelimit (lower, " '", '.');
  email = g_strdup_printf ("%s@northbrook.example", lower);
  pathways_record_set_string (PATHWAYS_RECORD (staff), "email", email);
  if (!pathways_store_insert (g->store, PATHWAYS_RECORD (staff), error))
    return FALSE;
  g->stats.n_staff++;
  *out_id = pathways_record_get_id (PATHWAYS_RECORD (staff));
  return TRUE;
}

static gboolean
generate_staff (Gen                   *g,
                guint                  n_pas,
                guint                  n_housing,
                guint                  n_managers,
                GError               **error)
{
  static const char * const pa_teams[] = {
    "Leaving Care North", "Leaving Care South", "UASC and Leaving Care",
  };
  guint k = 0;

  for (guint i = 0; i < n_pas + n_housing + n_managers; i++, k++)
    {
      g_autofree char *name = NULL;
      const char *role, *team;
      gint64 id;

      name = g_strdup_printf ("%s %s", staff_given[k % G_N_ELEMENTS (staff_given)],
                              family_names[(k * 7 + 3) % G_N_ELEMENTS (family_names)]);
      if (i < n_pas)
        {
          role = "pa";
          team = pa_teams[i % G_N_ELEMENTS (pa_teams)];
        }
      else if (i < n_pas + n_housing)
        {
          role = "housing";
          team = "Housing Liaison";
        }
      else
        {
          role = "manager";
          team = "Leaving Care Management";
        }

      if (!add_staff (g, name, role, team, &id, error))
        return FALSE;
      if (g_str_equal (role, "pa"))
        {
          g_array_append_val (g->pas, id);
          g_ptr_array_add (g->pa_teams, (gpointer) team);
        }
      else if (g_str_equal (role, "housing"))
        g_array_append_val (g->housing, id);
    }
  return TRUE;
}

/* Shares of each kind in the register (per 120 units) */
static const struct {
  const char *kind;
  guint       per_120;
} stock_mix[] = {
  { "council", 15 },
  { "housing_association", 12 },
  { "private_rented", 14 },
  { "supported", 26 },
  { "supported_lodgings", 10 },
  { "staying_put", 20 },
  { "staying_close", 8 },
  { "foyer", 8 },
  { "emergency", 4 },
  { "bed_and_breakfast", 3 },
};

static gboolean
generate_unit (Gen         *g,
               const char  *kind,
               guint        serial,
               GError     **error)
{
  g_autoptr(PathwaysUnit) unit = pathways_unit_new ();
  PathwaysRecord *r = PATHWAYS_RECORD (unit);
  gboolean in_area = chance (g, 0.62);
  guint area_idx = in_area ? (guint) rint_range (g, 0, G_N_ELEMENTS (areas_in) - 1)
                           : (guint) rint_range (g, 0, G_N_ELEMENTS (areas_out) - 1);
  const char *area = in_area ? areas_in[area_idx] : areas_out[area_idx];
  const char *street = PICK (g, streets);
  int number = rint_range (g, 1, 180);
  g_autofree char *postcode = g_strdup_printf ("%s %d%c%c",
                                               in_area ? areas_in_prefix[area_idx]
                                                       : areas_out_prefix[area_idx],
                                               rint_range (g, 1, 9), 'A' + rint_range (g, 0, 25),
                                               'A' + rint_range (g, 0, 25));
  g_autofree char *address = NULL;
  g_autofree char *name = NULL;
  g_autofree char *urn = NULL;
  const char *provider = NULL, *provider_type = NULL, *staffing = "none";
  const char *registration = "not_required", *commissioning = NULL;
  int min_age = 18, max_age = 25, bedrooms = 1;
  double hours = 0;
  gint64 cost = 0;
  gboolean shared = FALSE;
  UnitInfo *info;
  GPtrArray *list;

  if (g_str_equal (kind, "council"))
    {
      name = g_strdup_printf ("Flat %d, %s House", rint_range (g, 1, 40), street);
      provider = "Northbrook Council";
      provider_type = "own_la";
      cost = rint_range (g, 95, 130) * 100;
      bedrooms = chance (g, 0.85) ? 1 : 2;
      in_area = TRUE;
      area = areas_in[area_idx % G_N_ELEMENTS (areas_in)];
    }
  else if (g_str_equal (kind, "housing_association"))
    {
      provider = PICK (g, ha_providers);
      name = g_strdup_printf ("%d %s (%s)", number, street, provider);
      provider_type = "housing_association";
      commissioning = "nomination";
      cost = rint_range (g, 100, 150) * 100;
    }
  else if (g_str_equal (kind, "private_rented"))
    {
      name = g_strdup_printf ("%d%s %s", number, chance (g, 0.5) ? "A" : "", street);
      provider = "Private landlord";
      provider_type = "private";
      commissioning = "spot";
      cost = rint_range (g, 180, 320) * 100;
      shared = chance (g, 0.3);
    }
  else if (g_str_equal (kind, "supported"))
    {
      provider = PICK (g, supported_providers);
      name = g_strdup_printf ("%s, %s", provider, street);
      provider_type = chance (g, 0.6) ? "private" : "voluntary";
      min_age = 16;
      max_age = chance (g, 0.4) ? 17 : (chance (g, 0.5) ? 21 : 25);
      shared = chance (g, 0.6);
      hours = rint_range (g, 5, 40);
      staffing = chance (g, 0.45) ? "24_7" : "core_hours";
      registration = chance (g, 0.9) ? "registered" : "applied";
      urn = g_strdup_printf ("2%06d", rint_range (g, 0, 999999));
      cost = (gint64) rint_range (g, 260, 1500) * 100;
      commissioning = chance (g, 0.4) ? "block" : (chance (g, 0.5) ? "framework" : (chance (g, 0.5) ? "dps" : "spot"));
    }
  else if (g_str_equal (kind, "supported_lodgings"))
    {
      name = g_strdup_printf ("Supported lodgings host, %s", street);
      provider = "Northbrook Supported Lodgings";
      provider_type = "own_la";
      min_age = 16;
      max_age = 21;
      hours = rint_range (g, 5, 10);
      staffing = "floating";
      registration = "registered";
      urn = g_strdup_printf ("SC%06d", rint_range (g, 0, 999999));
      cost = rint_range (g, 200, 300) * 100;
      commissioning = "in_house";
      shared = TRUE;
    }
  else if (g_str_equal (kind, "staying_put"))
    {
      gboolean in_house = chance (g, 0.6);
      name = g_strdup_printf ("The %s household", PICK (g, family_names));
      provider = in_house ? "Northbrook Fostering" : "Horizon Independent Fostering";
      provider_type = in_house ? "own_la" : "private";
      commissioning = in_house ? "in_house" : "spot";
      max_age = 21;
      cost = in_house ? 56500 : 90400;  /* seed 004: in-house £565, IFA £904 a week */
      shared = TRUE;
    }
  else if (g_str_equal (kind, "staying_close"))
    {
      name = g_strdup_printf ("Staying Close flat, %s", street);
      provider = "Northbrook Children's Homes";
      provider_type = "own_la";
      commissioning = "in_house";
      hours = rint_range (g, 5, 10);
      staffing = "floating";
      cost = rint_range (g, 250, 400) * 100;
    }
  else if (g_str_equal (kind, "foyer"))
    {
      name = g_strdup_printf ("Northbrook Foyer, room %u", serial % 40 + 1);
      provider = "Northbrook Foyer Trust";
      provider_type = "voluntary";
      min_age = 16;
      shared = TRUE;
      hours = 15;
      staffing = "core_hours";
      registration = "registered";
      urn = g_strdup_printf ("2%06d", 100000 + (int) (serial % 1000));
      cost = rint_range (g, 300, 450) * 100;
      commissioning = "block";
      in_area = TRUE;
      area = areas_in[0];
    }
  else if (g_str_equal (kind, "emergency"))
    {
      name = g_strdup_printf ("Direct access hostel, %s", street);
      provider = "Northbrook Night Shelter";
      provider_type = "voluntary";
      shared = TRUE;
      staffing = "24_7";
      cost = rint_range (g, 200, 350) * 100;
      commissioning = "spot";
    }
  else /* bed_and_breakfast */
    {
      name = g_strdup_printf ("%s Guest House, room %d", street, rint_range (g, 1, 12));
      provider = "Private B&B";
      provider_type = "private";
      shared = TRUE;
      min_age = 16;
      cost = rint_range (g, 350, 500) * 100;
      commissioning = "spot";
    }

  address = g_strdup_printf ("%d %s, %s", number, street, area);
  g_object_set (unit,
                "name", name,
                "provider", provider,
                "provider-type", provider_type,
                "address", address,
                "postcode", postcode,
                "area", area,
                "in-authority", in_area,
                "kind", kind,
                "bedrooms", (gint64) bedrooms,
                "shared", shared,
                "min-age", (gint64) min_age,
                "max-age", (gint64) max_age,
                "support-hours", hours,
                "staffing", staffing,
                "ofsted-urn", urn,
                "registration", registration,
                "weekly-cost", cost,
                "commissioning", commissioning,
                "status", "available",
                NULL);
  if (!pathways_store_insert (g->store, r, error))
    return FALSE;
  g->stats.n_units++;

  info = g_new0 (UnitInfo, 1);
  info->id = pathways_record_get_id (r);
  info->kind = kind;  /* static string from stock_mix */
  info->min_age = min_age;
  info->max_age = max_age;
  info->cost = cost;
  info->in_authority = in_area;
  info->busy = g_array_new (FALSE, FALSE, sizeof (Interval));
  g_ptr_array_add (g->units, info);

  list = g_hash_table_lookup (g->by_kind, kind);
  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (g->by_kind, (gpointer) kind, list);
    }
  g_ptr_array_add (list, info);
  return TRUE;
}

static gboolean
generate_units (Gen      *g,
                guint     n_units,
                GError  **error)
{
  guint serial = 0;

  for (guint k = 0; k < G_N_ELEMENTS (stock_mix); k++)
    {
      guint n = (stock_mix[k].per_120 * n_units + 60) / 120;

      /* The last kind takes the rounding, so the register has exactly n_units */
      if (k + 1 == G_N_ELEMENTS (stock_mix))
        n = n_units > serial ? n_units - serial : 0;

      for (guint i = 0; i < n; i++)
        if (!generate_unit (g, stock_mix[k].kind, serial++, error))
          return FALSE;
    }
  return TRUE;
}

/* A spell: unit may be NULL (a placement or address outside the register) */
typedef struct {
  UnitInfo   *unit;
  const char *address;
  const char *accom;
  gboolean    suitable;
  const char *place;
  const char *place_provider;
  char       *start;
  char       *planned_end;
  char       *actual_end;
  const char *state;
  gint64      cost;
  const char *reason;
} SpellPlan;

static gboolean
insert_spell (Gen        *g,
              gint64      person_id,
              SpellPlan  *s,
              gint64     *out_id,
              GError    **error)
{
  g_autoptr(PathwaysSpell) spell = pathways_spell_new ();

  g_object_set (spell,
                "young-person-id", person_id,
                "unit-id", s->unit ? s->unit->id : (gint64) 0,
                "address", s->address,
                "accom", s->accom,
                "accom-suitable", s->suitable,
                "place", s->place,
                "place-provider", s->place_provider,
                "start-date", s->start,
                "planned-end", s->planned_end,
                "actual-end", s->actual_end,
                "state", s->state,
                "weekly-cost", s->cost,
                "reason-for-move", s->reason,
                NULL);
  if (!pathways_store_insert (g->store, PATHWAYS_RECORD (spell), error))
    return FALSE;
  g->stats.n_spells++;
  if (out_id)
    *out_id = pathways_record_get_id (PATHWAYS_RECORD (spell));
  return TRUE;
}

static void
spell_plan_clear (SpellPlan *s)
{
  g_clear_pointer (&s->start, g_free);
  g_clear_pointer (&s->planned_end, g_free);
  g_clear_pointer (&s->actual_end, g_free);
}

/* The 903 placement code in use for supported accommodation on @date */
static const char *
supported_place_code (const char *date)
{
  if (strcmp (date, "2024-04-01") >= 0)
    return "K3";
  return "H5";
}

static const char * const reasons[] = {
  "Placement ended at the young person's request",
  "Carer's circumstances changed",
  "Planned move towards independence",
  "Move closer to college",
  "Placement breakdown",
  "Turned 18",
};

static gboolean
insert_transition (Gen         *g,
                   gint64       person_id,
                   gint64       from_spell,
                   gint64       to_spell,
                   UnitInfo    *to_unit,
                   const char  *date,
                   const char  *state,
                   gint64       by,
                   const char  *note,
                   GError     **error)
{
  g_autoptr(PathwaysTransition) t = pathways_transition_new ();

  g_object_set (t,
                "young-person-id", person_id,
                "from-spell-id", from_spell,
                "to-unit-id", to_unit ? to_unit->id : (gint64) 0,
                "to-address", to_unit ? NULL : "Address to be confirmed",
                "to-spell-id", to_spell,
                "planned-date", date,
                "state", state,
                "scheduled-by", by,
                "note", note,
                NULL);
  if (!pathways_store_insert (g->store, PATHWAYS_RECORD (t), error))
    return FALSE;
  g->stats.n_transitions++;
  return TRUE;
}

/* The accommodation a care leaver of @age moves on to, by share */
static const char *
pick_leaver_kind (Gen      *g,
                  int       age,
                  gboolean  was_foster,
                  gboolean  was_residential)
{
  double p = g_rand_double (g->rand);

  if (age < 18)
    return p < 0.7 ? "supported" : (p < 0.88 ? "supported_lodgings" : "foyer");
  if (was_foster && age < 21 && p < 0.5)
    return "staying_put";
  if (was_residential && age < 21 && p < 0.35)
    return "staying_close";
  p = g_rand_double (g->rand);
  if (age < 19)
    return p < 0.55 ? "supported" : (p < 0.7 ? "foyer" : (p < 0.85 ? "supported_lodgings" : "private_rented"));
  return p < 0.25 ? "council" : p < 0.45 ? "housing_association" : p < 0.65 ? "private_rented"
       : p < 0.85 ? "supported" : "foyer";
}

static gboolean
generate_milestones (Gen             *g,
                     PathwaysRecord  *person,
                     GError         **error)
{
  gint64 person_id = pathways_record_get_id (person);
  g_autofree char *horizon = pathways_date_add_months (g->today, 24);
  g_autofree char *year_ago = pathways_date_add_months (g->today, -12);

  for (guint i = 0; i < g->template_records->len; i++)
    {
      PathwaysRecord *t = g_ptr_array_index (g->template_records, i);
      g_autoptr(PathwaysMilestone) m = NULL;
      g_autofree char *due = NULL;
      g_autofree char *done = NULL;

      m = pathways_milestone_new_from_template (t, person);
      if (m == NULL)
        continue;
      due = g_strdup (pathways_record_get_string (PATHWAYS_RECORD (m), "due-date"));
      if (strcmp (due, horizon) > 0)
        continue;

      if (strcmp (due, g->today) > 0 ? chance (g, 0.12)
          : strcmp (due, year_ago) < 0 ? chance (g, 0.97) : chance (g, 0.8))
        {
          done = pathways_date_add_days (due, rint_range (g, -60, 30));
          if (strcmp (done, g->today) > 0)
            {
              g_free (done);
              done = g_strdup (g->today);
            }
        }
      g_object_set (m, "done-date", done, NULL);
      if (!pathways_store_insert (g->store, PATHWAYS_RECORD (m), error))
        return FALSE;
      g->stats.n_milestones++;
    }

  for (int n_custom = rint_range (g, 0, 6); n_custom > 0; n_custom--)
    {
      g_autoptr(PathwaysMilestone) m = pathways_milestone_new ();
      g_autofree char *due = pathways_date_add_days (g->today, rint_range (g, -30, 120));

      g_object_set (m,
                    "young-person-id", person_id,
                    "name", PICK (g, custom_milestones),
                    "category", chance (g, 0.5) ? "practical" : "eet",
                    "due-date", due,
                    "note", "Agreed at the last pathway plan review",
                    NULL);
      if (!pathways_store_insert (g->store, PATHWAYS_RECORD (m), error))
        return FALSE;
      g->stats.n_milestones++;
    }

  return TRUE;
}

static gboolean
generate_person (Gen      *g,
                 guint     index,
                 GError  **error)
{
  g_autoptr(PathwaysYoungPerson) yp = pathways_young_person_new ();
  PathwaysRecord *r = PATHWAYS_RECORD (yp);
  gboolean uasc = chance (g, 0.2);
  gboolean male = uasc ? chance (g, 0.9) : chance (g, 0.55);
  /* Ages 15¾ to 25, weighted towards 16–21 */
  int age_days = chance (g, 0.8) ? rint_range (g, 5753, 7670) : rint_range (g, 7671, 9130);
  g_autofree char *dob = pathways_date_add_days (g->today, -age_days);
  g_autofree char *local_id = g_strdup_printf ("NB%06u", 104729u + index * 37u);
  g_autofree char *b14 = pathways_date_birthday (dob, 14);
  g_autofree char *b16 = pathways_date_birthday (dob, 16);
  g_autofree char *b18 = pathways_date_birthday (dob, 18);
  g_autofree char *b21 = pathways_date_birthday (dob, 21);
  g_autofree char *first_la = NULL;
  g_autofree char *care_ended = NULL;
  g_autofree char *cursor = NULL;
  g_autofree char *home_postcode = NULL;
  int age = pathways_date_age_on (dob, g->today);
  guint pa_index = (guint) rint_range (g, 0, (int) g->pas->len - 1);
  const char *given, *ethnicity, *last_place, *care_end_for_days;
  gboolean foster, residential;
  gint64 person_id, prev_spell = 0, current_spell = 0, days14, days16;
  UnitInfo *current_unit = NULL;
  g_autofree char *current_start = NULL;
  g_autofree char *last_contact = NULL;
  guint n_la_spells;
  SpellPlan s = { 0 };
  guint home_area = (guint) rint_range (g, 0, G_N_ELEMENTS (areas_in) - 1);

  if (uasc)
    {
      given = PICK (g, given_names_uasc);
      ethnicity = chance (g, 0.5) ? "AOTH" : (chance (g, 0.6) ? "BAFR" : "OOTH");
    }
  else
    {
      double p = g_rand_double (g->rand);
      given = male ? PICK (g, given_names_m) : PICK (g, given_names_f);
      ethnicity = p < 0.6 ? "WBRI" : p < 0.68 ? "MWBC" : p < 0.74 ? "BCRB" : p < 0.8 ? "BAFR"
                : p < 0.85 ? "APKN" : p < 0.88 ? "WOTH" : p < 0.92 ? "MOTH" : p < 0.94 ? "WIRT"
                : p < 0.97 ? "AIND" : "NOBT";
    }

  /* Care history */
  if (uasc)
    first_la = pathways_date_add_days (b14, rint_range (g, 180, 1400));
  else
    first_la = pathways_date_add_days (dob, rint_range (g, 2 * 365, 15 * 365 + 200));
  if (strcmp (first_la, g->today) > 0)
    {
      g_free (first_la);
      first_la = pathways_date_add_days (g->today, -rint_range (g, 30, 200));
    }
  /* A few UASC arrive within 13 weeks of 18: qualifying, not former relevant */
  if (uasc && age >= 18 && chance (g, 0.05))
    {
      g_free (first_la);
      first_la = pathways_date_add_days (b18, -rint_range (g, 20, 80));
    }

  foster = chance (g, 0.62);
  residential = !foster && chance (g, 0.45);
  /* Under 16 nobody is in supported accommodation: foster care or a children's home */
  if (age < 16 && !foster)
    residential = TRUE;
  last_place = foster ? (chance (g, 0.6) ? "U4" : (chance (g, 0.5) ? "U6" : "U1"))
             : residential ? "K2" : supported_place_code (age >= 18 ? b18 : g->today);

  if (age >= 18)
    care_ended = g_strdup (b18);
  else if (age >= 16 && chance (g, 0.12))
    care_ended = pathways_date_add_days (b16, rint_range (g, 30, MAX (31, age_days - 16 * 365 - 10)));
  if (care_ended != NULL && strcmp (care_ended, g->today) > 0)
    g_clear_pointer (&care_ended, g_free);
  if (care_ended != NULL && strcmp (care_ended, first_la) < 0)
    g_clear_pointer (&care_ended, g_free);

  care_end_for_days = care_ended ? care_ended : g->today;
  days14 = MAX (0, pathways_date_days_between (strcmp (first_la, b14) > 0 ? first_la : b14,
                                               care_end_for_days) + 1);
  days16 = strcmp (care_end_for_days, b16) < 0 ? 0
         : MAX (0, pathways_date_days_between (strcmp (first_la, b16) > 0 ? first_la : b16,
                                               care_end_for_days) + 1);
  if (strcmp (care_end_for_days, b14) < 0)
    days14 = 0;
  days16 = MIN (days16, days14);

  home_postcode = g_strdup_printf ("%s %d%c%c", areas_in_prefix[home_area], rint_range (g, 1, 9),
                                   'A' + rint_range (g, 0, 25), 'A' + rint_range (g, 0, 25));

  g_object_set (yp,
                "given-name", given,
                "family-name", uasc ? PICK (g, family_names_uasc) : PICK (g, family_names),
                "preferred-name", !uasc && chance (g, 0.12) ? (male ? "Jay" : "Jess") : NULL,
                "date-of-birth", dob,
                "sex", male ? "M" : "F",
                "ethnicity", ethnicity,
                "local-id", local_id,
                "pa-id", g_array_index (g->pas, gint64, pa_index),
                "team", g_ptr_array_index (g->pa_teams, pa_index),
                "uasc", uasc,
                "disability", chance (g, 0.12),
                "needs-summary", PICK (g, needs),
                "wishes-feelings", PICK (g, wishes),
                "home-postcode", home_postcode,
                "preferred-area", chance (g, 0.7) ? areas_in[home_area] : NULL,
                "date-first-looked-after", first_la,
                "days-looked-after-since-14", days14,
                "days-looked-after-since-16", days16,
                "date-care-ended", care_ended,
                "last-placement", last_place,
                NULL);

  if (uasc)
    {
      const char *status = age < 18 ? (chance (g, 0.6) ? "asylum_claim" : "refugee")
                         : (chance (g, 0.45) ? "refugee" : chance (g, 0.4) ? "limited_leave"
                            : chance (g, 0.5) ? "asylum_claim" : "appeal_rights_exhausted");
      g_object_set (yp,
                    "immigration-status", status,
                    "appeal-stage", g_str_equal (status, "appeal_rights_exhausted") ? "exhausted"
                                    : g_str_equal (status, "asylum_claim") && chance (g, 0.4) ? "first_tier"
                                    : "none",
                    "age-assessment", age < 18 && chance (g, 0.15) ? "pending"
                                      : chance (g, 0.2) ? "accepted" : "not_required",
                    NULL);
      if (g_str_equal (status, "appeal_rights_exhausted"))
        {
          g_autofree char *are = pathways_date_add_days (g->today, -rint_range (g, 10, 300));
          g_object_set (yp, "are-date", are, NULL);
          if (chance (g, 0.5))
            {
              g_autofree char *hra = pathways_date_add_days (g->today, -rint_range (g, 1, 9));
              g_object_set (yp, "human-rights-assessment-date", hra, NULL);
            }
        }
    }
  else
    g_object_set (yp, "immigration-status", "british", NULL);

  /* Statutory dates: most on time, some overdue so alerts find them */
  if (age >= 16)
    {
      g_autofree char *due = pathways_date_add_months (b16, 3);
      if (chance (g, 0.93))
        {
          g_autofree char *na = pathways_date_add_days (due, -rint_range (g, 0, 80));
          if (strcmp (na, g->today) <= 0)
            g_object_set (yp, "needs-assessment-date", na, NULL);
        }
      {
        g_autofree char *review = pathways_date_add_days (g->today,
                                                          -(chance (g, 0.85) ? rint_range (g, 5, 175)
                                                                             : rint_range (g, 185, 300)));
        if (strcmp (review, b16) >= 0)
          g_object_set (yp, "pathway-plan-review-date", review, NULL);
      }
      {
        g_autofree char *contact = pathways_date_add_days (g->today,
                                                           -(chance (g, 0.88) ? rint_range (g, 1, 50)
                                                                              : rint_range (g, 60, 120)));
        if (strcmp (contact, dob) > 0)
          last_contact = g_steal_pointer (&contact);
      }
    }

  if (!pathways_store_insert (g->store, r, error))
    return FALSE;
  g->stats.n_young_people++;
  person_id = pathways_record_get_id (r);

  /* The latest contact with their PA (the alert reads contacts) */
  if (last_contact != NULL)
    {
      g_autoptr(PathwaysContact) c = g_object_new (PATHWAYS_TYPE_CONTACT, "young-person-id", person_id,
                                                   "contact-date", last_contact,
                                                   "kind", "visit",
                                                   "author", "Generator", NULL);

      if (!pathways_store_insert (g->store, PATHWAYS_RECORD (c), error))
        return FALSE;
    }

  /* Looked-after placements before the current one */
  cursor = g_strdup (first_la);
  {
    int years = MAX (1, pathways_date_days_between (first_la, care_ended ? care_ended : g->today) / 365);
    n_la_spells = (guint) MIN (12, 2 + years * 2 / 3 + rint_range (g, 0, 3));
  }

  for (guint i = 0; i < n_la_spells; i++)
    {
      const char *until = care_ended ? care_ended : g->today;
      int span = pathways_date_days_between (cursor, until);
      gboolean last = i + 1 == n_la_spells || span < 60;
      g_autofree char *end = NULL;
      const char *place;

      if (span <= 0)
        break;
      end = last ? g_strdup (until)
                 : pathways_date_add_days (cursor, rint_range (g, 30, MAX (31, span / (int) (n_la_spells - i))));
      place = last ? last_place : (foster || chance (g, 0.3) ? (chance (g, 0.5) ? "U4" : "U6") : "K2");
      if ((g_str_equal (place, "K3") || g_str_equal (place, "H5")))
        place = supported_place_code (cursor);

      s = (SpellPlan) { 0 };
      s.start = g_strdup (cursor);
      s.place = place;
      s.place_provider = g_str_equal (place, "K2") ? (chance (g, 0.4) ? "PR1" : "PR4")
                       : place[0] == 'U' ? (chance (g, 0.6) ? "PR1" : "PR4") : "PR4";
      s.address = place[0] == 'U' ? (g_str_equal (s.place_provider, "PR1") ? "In-house foster placement"
                                                                           : "Independent fostering agency placement")
                : g_str_equal (place, "K2") ? "Children's home" : "Semi-independent placement";
      s.cost = place[0] == 'U' ? (g_str_equal (s.place_provider, "PR1") ? 56500 : 90400)
             : g_str_equal (place, "K2") ? rint_range (g, 3500, 6500) * 100 : rint_range (g, 900, 2500) * 100;
      s.suitable = TRUE;
      s.reason = PICK (g, reasons);

      /* Still looked after and this is the last placement: current */
      if (last && care_ended == NULL)
        {
          s.state = "current";
          /* 16–17 in supported accommodation live in a register unit */
          if (age >= 16 && !foster && !residential)
            {
              s.unit = find_unit (g, "supported", age, s.start, NULL, TRUE);
              if (s.unit)
                {
                  s.address = NULL;
                  s.cost = s.unit->cost;
                  s.place = supported_place_code (s.start);
                  unit_book (s.unit, s.start, NULL);
                }
            }
          s.planned_end = g_strdup (b18);
        }
      else
        {
          s.state = "ended";
          s.actual_end = g_strdup (end);
        }

      if (!insert_spell (g, person_id, &s, &prev_spell, error))
        {
          spell_plan_clear (&s);
          return FALSE;
        }
      /* The same placement as an SSDA903 episode: placements join (X1)
       * until care ends (E5: into supported or independent living) */
      {
        g_autoptr(PathwaysEpisode) ep = pathways_episode_new (person_id, s.start);
        gboolean open = g_str_equal (s.state, "current");
        gboolean ends_care = !open && care_ended != NULL && strcmp (end, care_ended) >= 0;

        g_object_set (ep,
                      "rne", i == 0 ? "S" : "P",
                      "ls", uasc || (i == 0 && person_id % 3 == 0) ? "V2" : "C2",  /* no draw: the rest stays as it was */
                      "cin", uasc ? "N8" : "N1",
                      "place", s.place,
                      "place-provider", s.place_provider,
                      "dec", open ? NULL : end,
                      "rec", open ? NULL : ends_care ? "E5" : "X1",
                      NULL);
        if (!pathways_store_insert (g->store, PATHWAYS_RECORD (ep), error))
          {
            spell_plan_clear (&s);
            return FALSE;
          }
        g->stats.n_episodes++;
      }
      if (g_str_equal (s.state, "current"))
        {
          current_spell = prev_spell;
          current_unit = s.unit;
          current_start = g_strdup (s.start);
        }

      g_free (cursor);
      cursor = g_steal_pointer (&end);
      spell_plan_clear (&s);
      if (last)
        break;
    }

  /* After care: one to four moves up to today */
  if (care_ended != NULL)
    {
      guint n_moves = (guint) MIN (4, 1 + pathways_date_days_between (care_ended, g->today) / 500);
      g_free (cursor);
      cursor = g_strdup (care_ended);

      for (guint i = 0; i < n_moves; i++)
        {
          int span = pathways_date_days_between (cursor, g->today);
          gboolean last = i + 1 == n_moves;
          int age_then = pathways_date_age_on (dob, cursor);
          const char *kind = pick_leaver_kind (g, age_then, foster && i == 0, residential && i == 0);
          g_autofree char *end = last ? NULL : pathways_date_add_days (cursor, rint_range (g, 60, MAX (61, span / 2)));
          gint64 spell_id;

          if (end != NULL && strcmp (end, g->today) >= 0)
            {
              g_clear_pointer (&end, g_free);
              last = TRUE;
            }

          /* Staying Put only with the former foster carer, from 18 to 21 */
          if (g_str_equal (kind, "staying_put") && (i != 0 || strcmp (cursor, b21) >= 0))
            kind = "supported";

          s = (SpellPlan) { 0 };
          s.start = g_strdup (cursor);
          s.unit = find_unit (g, kind, age_then, cursor, end, chance (g, 0.7));
          s.accom = pathways_vocab_extra (PATHWAYS_VOCAB_UNIT_KIND, kind);
          s.suitable = TRUE;
          s.reason = i == 0 ? "Left care" : PICK (g, reasons);
          s.cost = s.unit ? s.unit->cost : rint_range (g, 150, 400) * 100;
          if (s.unit == NULL)
            s.address = "Private address (not in the register)";
          if (age_then < 18 && s.unit)
            {
              s.place = supported_place_code (cursor);
              s.place_provider = "PR4";
            }
          if (last)
            {
              s.state = "current";
              if (g_str_equal (kind, "staying_put"))
                s.planned_end = g_strdup (b21);
              else if (!g_str_equal (kind, "council") && !g_str_equal (kind, "housing_association"))
                s.planned_end = pathways_date_add_days (g->today, rint_range (g, 20, 540));
            }
          else
            {
              s.state = "ended";
              s.actual_end = g_strdup (end);
            }
          if (s.unit)
            unit_book (s.unit, cursor, end);

          if (!insert_spell (g, person_id, &s, &spell_id, error))
            {
              spell_plan_clear (&s);
              return FALSE;
            }
          if (prev_spell != 0 && s.unit != NULL &&
              !insert_transition (g, person_id, prev_spell, spell_id, s.unit, cursor, "done",
                                  g_array_index (g->pas, gint64, pa_index), NULL, error))
            {
              spell_plan_clear (&s);
              return FALSE;
            }
          prev_spell = spell_id;
          if (last)
            {
              current_spell = spell_id;
              current_unit = s.unit;
              g_free (current_start);
              current_start = g_strdup (s.start);
            }
          spell_plan_clear (&s);
          if (last)
            break;
          g_free (cursor);
          cursor = g_steal_pointer (&end);
        }
    }

  /* A few are in bed and breakfast or emergency accommodation right now */
  if (age >= 17 && current_spell != 0 && chance (g, 0.035))
    {
      const char *kind = chance (g, 0.6) ? "bed_and_breakfast" : "emergency";
      g_autofree char *since = pathways_date_add_days (g->today, -rint_range (g, 1, 6));
      g_autoptr(PathwaysSpell) cur = pathways_store_get (g->store, PATHWAYS_TYPE_SPELL, current_spell, error);
      gint64 spell_id;

      if (cur == NULL)
        return FALSE;
      if (strcmp (since, pathways_record_get_string (PATHWAYS_RECORD (cur), "start-date")) > 0)
        {
          UnitInfo *u = find_unit (g, kind, age, since, NULL, FALSE);
          g_object_set (cur, "state", "ended", "actual-end", since, "planned-end", NULL,
                        "reason-for-move", "Placement breakdown", NULL);
          if (!pathways_store_update (g->store, PATHWAYS_RECORD (cur), error))
            return FALSE;
          unit_release (current_unit, current_start, since);
          current_unit = u;
          g_free (current_start);
          current_start = g_strdup (since);
          s = (SpellPlan) { 0 };
          s.unit = u;
          s.address = u ? NULL : "Emergency placement";
          s.start = g_strdup (since);
          s.state = "current";
          s.accom = g_str_equal (kind, "bed_and_breakfast") ? "W" : "V";
          s.suitable = FALSE;
          s.cost = u ? u->cost : 40000;
          s.reason = "Emergency move";
          if (u)
            unit_book (u, since, NULL);
          if (!insert_spell (g, person_id, &s, &spell_id, error))
            {
              spell_plan_clear (&s);
              return FALSE;
            }
          spell_plan_clear (&s);
          current_spell = spell_id;
        }
    }

  /* Planned moves: about a third have one; some spells end with nothing after (gaps) */
  if (current_spell != 0 && age >= 16 && chance (g, 0.34))
    {
      g_autofree char *when = pathways_date_add_days (g->today, rint_range (g, 7, 270));
      int age_then = pathways_date_age_on (dob, when);
      const char *kind = pick_leaver_kind (g, age_then, FALSE, FALSE);
      UnitInfo *u = find_unit (g, kind, age_then, when, NULL, TRUE);
      gint64 spell_id;

      if (u != NULL)
        {
          g_autoptr(PathwaysSpell) cur = pathways_store_get (g->store, PATHWAYS_TYPE_SPELL, current_spell, error);
          if (cur == NULL)
            return FALSE;
          g_object_set (cur, "planned-end", when, NULL);
          if (!pathways_store_update (g->store, PATHWAYS_RECORD (cur), error))
            return FALSE;
          unit_release (current_unit, current_start, when);

          s = (SpellPlan) { 0 };
          s.unit = u;
          s.start = g_strdup (when);
          s.state = "planned";
          s.accom = pathways_vocab_extra (PATHWAYS_VOCAB_UNIT_KIND, kind);
          s.suitable = TRUE;
          s.cost = u->cost;
          s.reason = "Planned move towards independence";
          if (age_then < 18)
            {
              s.place = supported_place_code (when);
              s.place_provider = "PR4";
            }
          unit_book (u, when, NULL);
          u->planned = TRUE;
          if (!insert_spell (g, person_id, &s, &spell_id, error))
            {
              spell_plan_clear (&s);
              return FALSE;
            }
          spell_plan_clear (&s);
          if (!insert_transition (g, person_id, current_spell, spell_id, u, when,
                                  chance (g, 0.75) ? "confirmed" : "proposed",
                                  g_array_index (g->pas, gint64, pa_index),
                                  "Discussed with the young person at the pathway plan review", error))
            return FALSE;
        }
    }

  return generate_milestones (g, r, error);
}

/* The share of each kind of unit let to people the service does not support */
static double
let_to_others (const char *kind)
{
  if (g_str_equal (kind, "council") || g_str_equal (kind, "housing_association"))
    return 0.85;
  if (g_str_equal (kind, "private_rented"))
    return 0.8;
  if (g_str_equal (kind, "supported") || g_str_equal (kind, "foyer") || g_str_equal (kind, "supported_lodgings"))
    return 0.35;
  return 0.0;
}

/* Unit statuses follow from who lives there now and who is booked */
static gboolean
settle_unit_statuses (Gen      *g,
                      GError  **error)
{
  for (guint i = 0; i < g->units->len; i++)
    {
      UnitInfo *u = g_ptr_array_index (g->units, i);
      const char *status = "available";
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      const char *reason = NULL;
      gboolean occupied = FALSE;
      g_autoptr(PathwaysUnit) unit = NULL;

      for (guint k = 0; k < u->busy->len; k++)
        {
          Interval *iv = &g_array_index (u->busy, Interval, k);
          if (strcmp (iv->start, g->today) <= 0 && (iv->end == NULL || strcmp (iv->end, g->today) > 0))
            {
              occupied = TRUE;
              g_free (from);
              from = g_strdup (iv->start);
            }
        }

      if (occupied)
        status = "occupied";
      else if (u->planned)
        status = "reserved";
      else if (chance (g, let_to_others (u->kind)))
        {
          /* Let to a general-needs tenant or a young person from another
           * authority: it comes back to us when they leave, if ever */
          status = "occupied";
          from = pathways_date_add_days (g->today, -rint_range (g, 30, 900));
          to = chance (g, 0.6) ? pathways_date_add_days (g->today, rint_range (g, 20, 700)) : NULL;
          reason = "Let outside the leaving-care service";
        }
      else if (chance (g, 0.1))
        {
          status = "void";
          from = pathways_date_add_days (g->today, -rint_range (g, 3, 60));
          to = pathways_date_add_days (g->today, rint_range (g, 5, 90));
          reason = chance (g, 0.5) ? "Repairs between tenancies" : "Redecoration";
        }
      else if (chance (g, 0.03))
        {
          status = "offline";
          from = pathways_date_add_days (g->today, -rint_range (g, 10, 200));
          reason = "Provider suspended referrals";
        }
      else
        from = pathways_date_add_days (g->today, -rint_range (g, 1, 120));

      if (g_str_equal (status, "available") && !occupied && u->busy->len == 0 &&
          g_str_equal (u->kind, "staying_put"))
        continue;  /* a carer household with nobody placed stays "available" */

      unit = pathways_store_get (g->store, PATHWAYS_TYPE_UNIT, u->id, error);
      if (unit == NULL)
        return FALSE;
      g_object_set (unit, "status", status, "status-from", from, "status-to", to,
                    "status-reason", reason, NULL);
      if (!pathways_store_update (g->store, PATHWAYS_RECORD (unit), error))
        return FALSE;
    }
  return TRUE;
}

gboolean
pathways_generate_size_from_string (const char           *text,
                                    PathwaysGenerateSize *out_size)
{
  if (g_strcmp0 (text, "demo") == 0)
    *out_size = PATHWAYS_GENERATE_DEMO;
  else if (g_strcmp0 (text, "large") == 0)
    *out_size = PATHWAYS_GENERATE_LARGE;
  else
    return FALSE;
  return TRUE;
}

/* Young people aged up to 26 born from 1990 (the store's earliest date of
 * birth for a care leaver), with plans up to ten years ahead, all within
 * the calendar */
#define GENERATE_FIRST_DAY "2016-01-01"
#define GENERATE_LAST_DAY  "9980-12-31"

/**
 * pathways_generate_check_today:
 *
 * Returns: %TRUE if an authority can be generated for @today (ISO):
 * from 01/01/2016 to 31/12/9980, so that every date it makes up is one
 * the store records
 */
gboolean
pathways_generate_check_today (const char  *today,
                               GError     **error)
{
  g_autofree char *uk = pathways_date_format_uk (today);

  if (!pathways_date_parse_iso (today, NULL) || strcmp (today, GENERATE_FIRST_DAY) < 0 ||
      strcmp (today, GENERATE_LAST_DAY) > 0)
    {
      g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                   _("A synthetic authority can only be generated for a day from 01/01/2016 to "
                     "31/12/9980, not %s"), uk);
      return FALSE;
    }
  return TRUE;
}

/* How many of each an authority of a given size has */
typedef struct {
  guint n_people;
  guint n_units;
  guint n_pas;
  guint n_housing;
  guint n_managers;
} GenerateCounts;

static gboolean generate_counts (PathwaysStore         *store,
                                 const GenerateCounts  *counts,
                                 guint32                seed,
                                 const char            *today,
                                 PathwaysGenerateStats *out_stats,
                                 GError               **error);

/**
 * pathways_generate:
 * @today: the day the authority is generated for (ISO)
 *
 * Fills an empty store with a synthetic authority, in one transaction:
 * on failure nothing is written.
 */
gboolean
pathways_generate (PathwaysStore          *store,
                   PathwaysGenerateSize    size,
                   guint32                 seed,
                   const char             *today,
                   PathwaysGenerateStats  *out_stats,
                   GError                **error)
{
  GenerateCounts large = { 2000, 5000, 66, 10, 6 };
  GenerateCounts demo = { 60, 120, 5, 2, 2 };

  return generate_counts (store, size == PATHWAYS_GENERATE_LARGE ? &large : &demo, seed, today,
                          out_stats, error);
}

/**
 * pathways_generate_people:
 * @n_people: from 1 to %PATHWAYS_GENERATE_MAX_PEOPLE
 *
 * Like pathways_generate() for an authority of @n_people young people,
 * with the large authority's proportions: two and a half units per young
 * person (at least 120), a PA for every 30, a housing officer for every 200 and a
 * manager for every 333 (2,000 gives the large authority's counts).
 */
gboolean
pathways_generate_people (PathwaysStore          *store,
                          guint                   n_people,
                          guint32                 seed,
                          const char             *today,
                          PathwaysGenerateStats  *out_stats,
                          GError                **error)
{
  GenerateCounts counts;

  g_return_val_if_fail (n_people >= 1 && n_people <= PATHWAYS_GENERATE_MAX_PEOPLE, FALSE);

  counts.n_people = n_people;
  counts.n_units = MAX (120u, n_people * 5 / 2);
  counts.n_pas = MAX (5u, n_people / 30);
  counts.n_housing = MAX (2u, n_people / 200);
  counts.n_managers = MAX (2u, n_people / 333);
  return generate_counts (store, &counts, seed, today, out_stats, error);
}

static gboolean
generate_counts (PathwaysStore         *store,
                 const GenerateCounts  *counts,
                 guint32                seed,
                 const char            *today,
                 PathwaysGenerateStats *out_stats,
                 GError               **error)
{
  Gen g = { 0 };
  guint n_people = counts->n_people;
  guint n_units = counts->n_units;
  g_autoptr(GListModel) templates = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (PATHWAYS_IS_STORE (store), FALSE);
  g_return_val_if_fail (pathways_date_parse_iso (today, NULL), FALSE);

  if (!pathways_generate_check_today (today, error))
    return FALSE;
  if (!pathways_store_is_empty (store))
    {
      g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                           _("The database already holds data: generate into a new, empty database"));
      return FALSE;
    }

  templates = pathways_store_list (store, PATHWAYS_TYPE_MILESTONE_TEMPLATE, error);
  if (templates == NULL)
    return FALSE;

  g.store = store;
  g.rand = g_rand_new_with_seed (seed);
  g.today = today;
  g.units = g_ptr_array_new_with_free_func (unit_info_free);
  g.by_kind = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  g.pas = g_array_new (FALSE, FALSE, sizeof (gint64));
  g.pa_teams = g_ptr_array_new ();
  g.housing = g_array_new (FALSE, FALSE, sizeof (gint64));
  g.template_records = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (templates); i++)
    g_ptr_array_add (g.template_records, g_list_model_get_item (templates, i));

  if (!pathways_store_begin (store, error))
    goto out;

  if (!pathways_store_set_setting (store, "authority_name", "Northbrook", error) ||
      !pathways_store_set_setting (store, "authority_areas",
                                   "Northbrook Central;Eastfield;Westmoor;Southgate;Millbank;Riverside",
                                   error) ||
      !generate_staff (&g, counts->n_pas, counts->n_housing, counts->n_managers, error) ||
      !generate_units (&g, n_units, error))
    goto rollback;
  for (guint i = 0; i < n_people; i++)
    if (!generate_person (&g, i, error))
      goto rollback;
  if (!settle_unit_statuses (&g, error))
    goto rollback;

  ok = pathways_store_commit (store, error);
  if (ok && out_stats)
    *out_stats = g.stats;
  goto out;

rollback:
  pathways_store_rollback (store);
out:
  g_rand_free (g.rand);
  g_ptr_array_unref (g.units);
  g_hash_table_unref (g.by_kind);
  g_array_unref (g.pas);
  g_ptr_array_unref (g.pa_teams);
  g_array_unref (g.housing);
  g_ptr_array_unref (g.template_records);
  return ok;
}
