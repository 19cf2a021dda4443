/* pathways-referral.c — referrals to providers and the offers they make
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-referral"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "pathways-commission-geo.h"
#include "pathways-format.h"
#include "pathways-planner.h"
#include "pathways-referral.h"
#include "pathways-snapshot.h"
#include "pathways-vocab.h"

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
is_blank (const char *s)
{
  if (s == NULL)
    return TRUE;
  for (; *s; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

static char *
today_of (PathwaysStore *store)
{
  return pathways_clock_dup_today (pathways_store_get_clock (store));
}

/* Providers --------------------------------------------------------------- */

gboolean
pathways_provider_offers_kind (PathwaysProvider *provider,
                               const char       *kind)
{
  const char *kinds = pathways_provider_get_kinds (provider);
  g_auto(GStrv) list = NULL;

  if (kinds == NULL || kind == NULL)
    return FALSE;
  list = g_strsplit (kinds, ",", -1);
  for (guint i = 0; list[i] != NULL; i++)
    if (g_str_equal (g_strstrip (list[i]), kind))
      return TRUE;
  return FALSE;
}

gboolean
pathways_provider_save (PathwaysStore      *store,
                        PathwaysProvider   *provider,
                        PathwaysChangeSet **out_undo,
                        GError            **error)
{
  const char *kinds = pathways_provider_get_kinds (provider);
  const char *registration = pathways_provider_get_registration (provider);
  gboolean ok;

  g_return_val_if_fail (PATHWAYS_IS_STORE (store), FALSE);
  g_return_val_if_fail (PATHWAYS_IS_PROVIDER (provider), FALSE);

  if (!pathways_provider_route_is_valid (pathways_provider_get_route (provider)))
    return invalid (error, _("Say which framework the provider is on: approved_list, dps, block or spot"));
  if (kinds != NULL)
    {
      g_auto(GStrv) list = g_strsplit (kinds, ",", -1);
      for (guint i = 0; list[i] != NULL; i++)
        if (!pathways_provision_kind_is_valid (g_strstrip (list[i])))
          {
            g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                         _("“%s” is not a kind of provision (supported, staying_put, staying_close, "
                           "in_house_fostering, ifa, residential, emergency, …)"), list[i]);
            return FALSE;
          }
    }
  if (registration != NULL && !pathways_vocab_is_valid (PATHWAYS_VOCAB_REGISTRATION, registration))
    return invalid (error, _("Registration must be registered, applied, not_registered or not_required"));

  if (!pathways_store_begin_recorded (store, error))
    return FALSE;
  ok = pathways_record_get_id (PATHWAYS_RECORD (provider)) == 0
       ? pathways_store_insert (store, PATHWAYS_RECORD (provider), error)
       : pathways_store_update (store, PATHWAYS_RECORD (provider), error);
  if (!ok)
    {
      pathways_store_rollback_recorded (store);
      return FALSE;
    }
  return pathways_store_commit_recorded (store, out_undo, error);
}

static int
route_rank (const char *route)
{
  static const char * const order[] = { "block", "approved_list", "dps", "spot" };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (g_strcmp0 (order[i], route) == 0)
      return (int) i;
  return G_N_ELEMENTS (order);
}

static int
provider_compare (gconstpointer a,
                  gconstpointer b)
{
  PathwaysProvider *x = *(PathwaysProvider **) a;
  PathwaysProvider *y = *(PathwaysProvider **) b;
  int d = route_rank (pathways_provider_get_route (x)) - route_rank (pathways_provider_get_route (y));

  return d != 0 ? d : g_strcmp0 (pathways_provider_get_name (x), pathways_provider_get_name (y));
}

GPtrArray *
pathways_referral_suggest_providers (PathwaysStore  *store,
                                     const char     *kind,
                                     GError        **error)
{
  g_autoptr(GListModel) all = pathways_store_list (store, PATHWAYS_TYPE_PROVIDER, error);
  GPtrArray *out;

  if (all == NULL)
    return NULL;
  out = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(PathwaysProvider) p = g_list_model_get_item (all, i);
      if (!pathways_provider_get_retired (p) && pathways_provider_offers_kind (p, kind))
        g_ptr_array_add (out, g_steal_pointer (&p));
    }
  g_ptr_array_sort (out, provider_compare);
  return out;
}

/* Referrals ---------------------------------------------------------------- */

GArray *
pathways_referral_dup_provider_ids (PathwaysReferral *referral)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const char *text = pathways_referral_get_provider_ids (referral);
  g_auto(GStrv) parts = g_strsplit (text ? text : "", ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      gint64 id = g_ascii_strtoll (parts[i], NULL, 10);
      if (id > 0)
        g_array_append_val (ids, id);
    }
  return ids;
}

gboolean
pathways_referral_make (PathwaysStore                 *store,
                        const PathwaysReferralRequest *req,
                        gint64                        *out_referral_id,
                        PathwaysChangeSet            **out_undo,
                        GError                       **error)
{
  g_autofree char *today = today_of (store);
  g_autoptr(GString) ids = g_string_new (NULL);
  g_autoptr(PathwaysReferral) referral = NULL;
  g_autoptr(PathwaysYoungPerson) person = NULL;

  g_return_val_if_fail (PATHWAYS_IS_STORE (store), FALSE);
  g_return_val_if_fail (req != NULL, FALSE);

  if (!pathways_provision_kind_is_valid (req->kind))
    return invalid (error, _("Choose the kind of provision the young person needs"));
  if (req->needed_by == NULL || !pathways_date_parse_iso (req->needed_by, NULL))
    return invalid (error, _("Give the date the place is needed by"));
  if (req->n_providers == 0)
    return invalid (error, _("Choose at least one provider to send the referral to"));

  if (!pathways_store_begin_recorded (store, error))
    return FALSE;
  person = pathways_store_get (store, PATHWAYS_TYPE_YOUNG_PERSON, req->young_person_id, error);
  if (person == NULL)
    goto failed;
  for (guint i = 0; i < req->n_providers; i++)
    {
      g_autoptr(PathwaysProvider) p = pathways_store_get (store, PATHWAYS_TYPE_PROVIDER, req->provider_ids[i], error);
      if (p == NULL)
        goto failed;
      if (pathways_provider_get_retired (p))
        {
          g_set_error (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID,
                       _("%s is no longer used: choose another provider"), pathways_provider_get_name (p));
          goto failed;
        }
      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, ids->len ? "," : "", req->provider_ids[i]);
    }
  referral = g_object_new (PATHWAYS_TYPE_REFERRAL,
                           "young-person-id", req->young_person_id,
                           "kind", req->kind,
                           "made-on", today,
                           "needed-by", req->needed_by,
                           "provider-ids", ids->str,
                           "include-wishes", req->include_wishes,
                           "risks", is_blank (req->risks) ? NULL : req->risks,
                           "made-by", req->made_by,
                           "state", "open",
                           NULL);
  if (!pathways_store_insert (store, PATHWAYS_RECORD (referral), error))
    goto failed;
  if (!pathways_store_commit_recorded (store, out_undo, error))
    return FALSE;
  if (out_referral_id)
    *out_referral_id = pathways_record_get_id (PATHWAYS_RECORD (referral));
  return TRUE;

failed:
  pathways_store_rollback_recorded (store);
  return FALSE;
}

static PathwaysReferral *
open_referral (PathwaysStore  *store,
               gint64          referral_id,
               GError        **error)
{
  g_autoptr(PathwaysReferral) r = pathways_store_get (store, PATHWAYS_TYPE_REFERRAL, referral_id, error);

  if (r == NULL)
    return NULL;
  if (g_strcmp0 (pathways_referral_get_state (r), "open") != 0)
    {
      invalid (error, _("This referral is no longer open"));
      return NULL;
    }
  return g_steal_pointer (&r);
}

static gboolean
close_open_offers (PathwaysStore  *store,
                   gint64          referral_id,
                   gint64          except,
                   const char     *reason,
                   GError        **error)
{
  g_autoptr(GListModel) offers = pathways_store_list (store, PATHWAYS_TYPE_OFFER, error);

  if (offers == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (offers); i++)
    {
      g_autoptr(PathwaysOffer) o = g_list_model_get_item (offers, i);

      if (pathways_offer_get_referral_id (o) != referral_id ||
          pathways_record_get_id (PATHWAYS_RECORD (o)) == except ||
          g_strcmp0 (pathways_offer_get_state (o), "open") != 0)
        continue;
      g_object_set (o, "state", "closed", "close-reason", reason, NULL);
      if (!pathways_store_update (store, PATHWAYS_RECORD (o), error))
        return FALSE;
    }
  return TRUE;
}

gboolean
pathways_referral_close (PathwaysStore      *store,
                         gint64              referral_id,
                         const char         *reason,
                         PathwaysChangeSet **out_undo,
                         GError            **error)
{
  g_autoptr(PathwaysReferral) r = NULL;

  if (is_blank (reason))
    return invalid (error, _("Say why the referral is closed"));
  if (!pathways_store_begin_recorded (store, error))
    return FALSE;
  if ((r = open_referral (store, referral_id, error)) == NULL)
    goto failed;
  g_object_set (r, "state", "closed", "close-reason", reason, NULL);
  if (!pathways_store_update (store, PATHWAYS_RECORD (r), error) ||
      !close_open_offers (store, referral_id, 0, reason, error))
    goto failed;
  return pathways_store_commit_recorded (store, out_undo, error);

failed:
  pathways_store_rollback_recorded (store);
  return FALSE;
}

/* The pack ------------------------------------------------------------------- */

static void
pack_field_free (PathwaysPackField *f)
{
  g_free (f->label);
  g_free (f->value);
  g_free (f);
}

void
pathways_referral_pack_free (PathwaysReferralPack *pack)
{
  if (pack == NULL)
    return;
  g_free (pack->title);
  g_clear_pointer (&pack->fields, g_ptr_array_unref);
  g_clear_pointer (&pack->providers, g_ptr_array_unref);
  g_free (pack);
}

static void
add_field (PathwaysReferralPack *pack,
           const char           *label,
           const char           *value)
{
  PathwaysPackField *f = g_new0 (PathwaysPackField, 1);

  f->label = g_strdup (label);
  f->value = g_strdup (is_blank (value) ? _("Not recorded") : value);
  g_ptr_array_add (pack->fields, f);
}

/**
 * pathways_referral_pack_build:
 *
 * What a provider needs to know, and nothing else: the name the young
 * person goes by and the family name's initial, age and date needed,
 * the kind of place, needs, disability, whether unaccompanied, the area
 * they want to live in, risks, their PA to contact — and their wishes
 * and feelings only when the referral says to share them.  Never the
 * immigration details, notes, home address, ethnicity or date of birth.
 */
PathwaysReferralPack *
pathways_referral_pack_build (PathwaysStore  *store,
                              gint64          referral_id,
                              GError        **error)
{
  g_autoptr(PathwaysReferralPack) pack = g_new0 (PathwaysReferralPack, 1);
  g_autoptr(PathwaysReferral) r = NULL;
  g_autoptr(PathwaysYoungPerson) yp = NULL;
  g_autoptr(PathwaysStaff) pa = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *name = NULL;
  g_autofree char *age = NULL;
  g_autofree char *needed = NULL;
  g_autofree char *made = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *contact = NULL;
  const char *preferred, *family;
  gint64 pa_id;

  if ((r = pathways_store_get (store, PATHWAYS_TYPE_REFERRAL, referral_id, error)) == NULL)
    return NULL;
  if ((yp = pathways_store_get (store, PATHWAYS_TYPE_YOUNG_PERSON, pathways_referral_get_young_person_id (r),
                                error)) == NULL)
    return NULL;
  pa_id = pathways_referral_get_made_by (r) ? pathways_referral_get_made_by (r) : pathways_young_person_get_pa_id (yp);
  if (pa_id > 0)
    pa = pathways_store_get (store, PATHWAYS_TYPE_STAFF, pa_id, NULL);

  pack->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) pack_field_free);
  pack->providers = g_ptr_array_new_with_free_func (g_free);
  pack->title = g_strdup_printf (_("Referral for %s"), pathways_provision_kind_label (pathways_referral_get_kind (r)));

  preferred = pathways_young_person_get_preferred_name (yp);
  if (is_blank (preferred))
    preferred = pathways_young_person_get_given_name (yp);
  family = pathways_young_person_get_family_name (yp);
  /* Translators: a young person in a referral pack: the name they go by and their family name's initial */
  name = g_strdup_printf (C_("referral name", "%s %.1s."), preferred, family ? family : "");
  reference = g_strdup_printf ("R%" G_GINT64_FORMAT, referral_id);
  made = pathways_date_format_uk (pathways_referral_get_made_on (r));
  needed = pathways_date_format_uk (pathways_referral_get_needed_by (r));
  age = g_strdup_printf ("%d", pathways_date_age_on (pathways_young_person_get_date_of_birth (yp),
                                                     pathways_referral_get_needed_by (r)));

  add_field (pack, _("Referral reference"), reference);
  add_field (pack, _("Referred on"), made);
  add_field (pack, _("Place needed by"), needed);
  add_field (pack, _("Kind of place"), pathways_provision_kind_label (pathways_referral_get_kind (r)));
  add_field (pack, _("Young person"), name);
  add_field (pack, _("Age when the place is needed"), age);
  add_field (pack, _("Sex"), pathways_vocab_label (PATHWAYS_VOCAB_SEX, pathways_young_person_get_sex (yp)));
  add_field (pack, _("Needs"), pathways_young_person_get_needs_summary (yp));
  add_field (pack, _("Disability or SEND"), pathways_young_person_get_disability (yp) ? _("Yes") : _("No"));
  add_field (pack, _("Unaccompanied asylum-seeking young person"),
             pathways_young_person_get_uasc (yp) ? _("Yes") : _("No"));
  add_field (pack, _("Area they would like to live in"), pathways_young_person_get_preferred_area (yp));
  add_field (pack, _("Risks"), pathways_referral_get_risks (r));
  if (pathways_referral_get_include_wishes (r))
    add_field (pack, _("Wishes and feelings"), pathways_young_person_get_wishes_feelings (yp));
  if (pa != NULL)
    {
      const char *email = pathways_staff_get_email (pa);
      contact = email ? g_strdup_printf (C_("pa contact", "%s, %s"), pathways_staff_get_name (pa), email)
                      : g_strdup (pathways_staff_get_name (pa));
    }
  add_field (pack, _("Personal adviser to contact"), contact);

  ids = pathways_referral_dup_provider_ids (r);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(PathwaysProvider) p = pathways_store_get (store, PATHWAYS_TYPE_PROVIDER,
                                                          g_array_index (ids, gint64, i), NULL);
      if (p != NULL)
        g_ptr_array_add (pack->providers, g_strdup (pathways_provider_get_name (p)));
    }
  return g_steal_pointer (&pack);
}

char *
pathways_referral_pack_to_text (PathwaysReferralPack *pack)
{
  GString *s = g_string_new (pack->title);

  g_string_append (s, "\n\n");
  for (guint i = 0; i < pack->fields->len; i++)
    {
      PathwaysPackField *f = g_ptr_array_index (pack->fields, i);
      g_string_append_printf (s, "%s: %s\n", f->label, f->value);
    }
  if (pack->providers->len > 0)
    {
      g_string_append_printf (s, "\n%s\n", _("Sent to"));
      for (guint i = 0; i < pack->providers->len; i++)
        g_string_append_printf (s, "  %s\n", (char *) g_ptr_array_index (pack->providers, i));
    }
  return g_string_free (s, FALSE);
}

/* Offers ---------------------------------------------------------------------- */

gboolean
pathways_offer_record (PathwaysStore      *store,
                       PathwaysOffer      *offer,
                       PathwaysChangeSet **out_undo,
                       GError            **error)
{
  g_autofree char *today = today_of (store);
  g_autoptr(PathwaysReferral) r = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 provider = pathways_offer_get_provider_id (offer);
  const char *registration = pathways_offer_get_registration (offer);
  gboolean from_provider = FALSE;

  g_return_val_if_fail (PATHWAYS_IS_OFFER (offer), FALSE);

  if (is_blank (pathways_offer_get_unit_name (offer)))
    return invalid (error, _("Give the name of the unit offered"));
  if (pathways_offer_get_available_from (offer) == NULL ||
      !pathways_date_parse_iso (pathways_offer_get_available_from (offer), NULL))
    return invalid (error, _("Give the date the unit is available from"));
  if (registration != NULL && !pathways_vocab_is_valid (PATHWAYS_VOCAB_REGISTRATION, registration))
    return invalid (error, _("Registration must be registered, applied, not_registered or not_required"));

  if (!pathways_store_begin_recorded (store, error))
    return FALSE;
  if ((r = open_referral (store, pathways_offer_get_referral_id (offer), error)) == NULL)
    goto failed;
  ids = pathways_referral_dup_provider_ids (r);
  for (guint i = 0; i < ids->len; i++)
    from_provider |= g_array_index (ids, gint64, i) == provider;
  if (!from_provider)
    {
      invalid (error, _("This provider was not sent the referral"));
      goto failed;
    }
  g_object_set (offer,
                "young-person-id", pathways_referral_get_young_person_id (r),
                "state", "open",
                NULL);
  if (pathways_offer_get_received_on (offer) == NULL)
    g_object_set (offer, "received-on", today, NULL);
  if (!pathways_store_insert (store, PATHWAYS_RECORD (offer), error))
    goto failed;
  return pathways_store_commit_recorded (store, out_undo, error);

failed:
  pathways_store_rollback_recorded (store);
  return FALSE;
}

static void
comparison_free (PathwaysOfferComparison *c)
{
  g_free (c->provider);
  g_free (c->unit_name);
  g_free (c->area);
  g_free (c->available_from);
  g_free (c->state);
  g_free (c->verdict_label);
  g_free (c->reasons);
  g_free (c->registration);
  g_free (c);
}

static gboolean
in_authority (const PathwaysRuleSettings *settings,
              const char                 *area)
{
  for (guint i = 0; area != NULL && settings->authority_areas && settings->authority_areas[i]; i++)
    if (g_ascii_strcasecmp (settings->authority_areas[i], area) == 0)
      return TRUE;
  return FALSE;
}

static const char *
offer_area (PathwaysOffer         *o,
            PathwaysCommissionGeo *geo)
{
  const char *area = pathways_offer_get_area (o);

  if (is_blank (area))
    area = pathways_commission_geo_area_of_postcode (geo, pathways_offer_get_postcode (o));
  return area;
}

GPtrArray *
pathways_offer_compare (PathwaysStore  *store,
                        gint64          referral_id,
                        GError        **error)
{
  g_autofree char *today = today_of (store);
  g_autoptr(PathwaysReferral) r = NULL;
  g_autoptr(GListModel) offers = NULL;
  g_autoptr(PathwaysSnapshot) snap = NULL;
  g_autoptr(PathwaysCommissionGeo) geo = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) comparison_free);
  g_autoptr(GPtrArray) no_spells = g_ptr_array_new ();
  const PathwaysPersonFacts *person;
  const char *home;
  gint64 cheapest = -1;

  if (!pathways_store_begin_read (store, error))
    return NULL;
  r = pathways_store_get (store, PATHWAYS_TYPE_REFERRAL, referral_id, error);
  if (r != NULL)
    offers = pathways_store_list_for_person (store, PATHWAYS_TYPE_OFFER, pathways_referral_get_young_person_id (r),
                                             error);
  if (offers != NULL)
    snap = pathways_snapshot_load (store, today, error);
  if (snap != NULL)
    geo = pathways_commission_geo_load (store, error);
  pathways_store_end_read (store);
  if (geo == NULL)
    return NULL;

  person = pathways_snapshot_get_person (snap, pathways_referral_get_young_person_id (r));
  home = pathways_commission_geo_home_area (geo, pathways_referral_get_young_person_id (r));
  for (guint i = 0; i < g_list_model_get_n_items (offers); i++)
    {
      g_autoptr(PathwaysOffer) o = g_list_model_get_item (offers, i);
      g_autoptr(PathwaysProvider) p = NULL;
      PathwaysOfferComparison *c;
      PathwaysUnitFacts unit = { 0, };
      PathwaysEligibility *e = NULL;
      g_autoptr(GString) reasons = g_string_new (NULL);
      const char *area;
      const char *date;

      if (pathways_offer_get_referral_id (o) != referral_id)
        continue;
      p = pathways_store_get (store, PATHWAYS_TYPE_PROVIDER, pathways_offer_get_provider_id (o), NULL);
      area = offer_area (o, geo);
      c = g_new0 (PathwaysOfferComparison, 1);
      c->offer_id = pathways_record_get_id (PATHWAYS_RECORD (o));
      c->provider = g_strdup (p ? pathways_provider_get_name (p) : "");
      c->unit_name = g_strdup (pathways_offer_get_unit_name (o));
      c->area = g_strdup (area);
      c->weekly_cost = pathways_offer_get_weekly_cost (o);
      c->available_from = g_strdup (pathways_offer_get_available_from (o));
      c->state = g_strdup (pathways_offer_get_state (o));
      c->registration = g_strdup (pathways_offer_get_registration (o)
                                  ? pathways_vocab_label (PATHWAYS_VOCAB_REGISTRATION, pathways_offer_get_registration (o))
                                  : _("Not given"));
      c->miles = pathways_commission_geo_miles (geo, home, area);

      /* The rules see the offer as the unit it would become */
      unit.name = pathways_offer_get_unit_name (o);
      unit.kind = pathways_provision_kind_unit_kind (pathways_referral_get_kind (r));
      unit.area = area;
      unit.in_authority = in_authority (pathways_snapshot_get_settings (snap), area);
      unit.registration = pathways_offer_get_registration (o);
      unit.status = "available";
      unit.weekly_cost = pathways_offer_get_weekly_cost (o);
      unit.spells = no_spells;
      date = c->available_from;
      if (strcmp (pathways_referral_get_needed_by (r), date) > 0)
        date = pathways_referral_get_needed_by (r);
      if (person != NULL)
        e = pathways_rules_check_unit (pathways_snapshot_get_settings (snap), person, &unit,
                                       pathways_snapshot_get_people (snap), date, 0);
      c->verdict = e ? e->verdict : PATHWAYS_VERDICT_NOT_ELIGIBLE;
      c->verdict_label = g_strdup (pathways_verdict_label (c->verdict));
      for (guint j = 0; e != NULL && j < e->reasons->len; j++)
        {
          const PathwaysReason *reason = g_ptr_array_index (e->reasons, j);
          g_string_append_printf (reasons, "%s%s", reasons->len ? " " : "", reason->text);
        }
      c->reasons = g_strdup (reasons->str);
      g_clear_pointer (&e, pathways_eligibility_free);
      if (g_str_equal (c->state, "open") && (cheapest < 0 || c->weekly_cost < cheapest))
        cheapest = c->weekly_cost;
      g_ptr_array_add (out, c);
    }
  for (guint i = 0; i < out->len; i++)
    {
      PathwaysOfferComparison *c = g_ptr_array_index (out, i);
      c->cheapest = g_str_equal (c->state, "open") && c->weekly_cost == cheapest;
    }
  return g_steal_pointer (&out);
}

static const char *
commissioning_of (const char *route)
{
  if (g_strcmp0 (route, "block") == 0 || g_strcmp0 (route, "spot") == 0 || g_strcmp0 (route, "dps") == 0)
    return route;
  return "framework";
}

gboolean
pathways_offer_accept (PathwaysStore      *store,
                       gint64              offer_id,
                       const char         *move_date,
                       const char         *accepted_warnings,
                       const char         *others_reason,
                       gint64             *out_transition_id,
                       PathwaysChangeSet **out_undo,
                       GError            **error)
{
  g_autoptr(PathwaysOffer) offer = NULL;
  g_autoptr(PathwaysReferral) r = NULL;
  g_autoptr(PathwaysProvider) provider = NULL;
  g_autoptr(PathwaysUnit) unit = NULL;
  g_autoptr(PathwaysCommissionGeo) geo = NULL;
  g_autoptr(PathwaysSnapshot) snap = NULL;
  g_autofree char *today = today_of (store);
  g_autofree char *note = NULL;
  PathwaysMoveRequest req = { 0, };
  const char *date;
  const char *area;
  gint64 transition = 0;

  g_return_val_if_fail (PATHWAYS_IS_STORE (store), FALSE);

  if (move_date != NULL && !pathways_date_parse_iso (move_date, NULL))
    return invalid (error, _("The day of the move is not a date"));
  if (!pathways_store_begin_recorded (store, error))
    return FALSE;
  if ((offer = pathways_store_get (store, PATHWAYS_TYPE_OFFER, offer_id, error)) == NULL)
    goto failed;
  if (g_strcmp0 (pathways_offer_get_state (offer), "open") != 0)
    {
      invalid (error, _("This offer is no longer open"));
      goto failed;
    }
  if ((r = open_referral (store, pathways_offer_get_referral_id (offer), error)) == NULL ||
      (provider = pathways_store_get (store, PATHWAYS_TYPE_PROVIDER, pathways_offer_get_provider_id (offer),
                                      error)) == NULL ||
      (geo = pathways_commission_geo_load (store, error)) == NULL ||
      (snap = pathways_snapshot_load (store, today, error)) == NULL)
    goto failed;

  date = move_date;
  if (date == NULL)
    {
      date = pathways_offer_get_available_from (offer);
      if (strcmp (pathways_referral_get_needed_by (r), date) > 0)
        date = pathways_referral_get_needed_by (r);
    }
  area = offer_area (offer, geo);

  /* The unit joins the register as the offer describes it */
  unit = pathways_unit_new ();
  g_object_set (unit,
                "name", pathways_offer_get_unit_name (offer),
                "provider", pathways_provider_get_name (provider),
                "address", pathways_offer_get_address (offer),
                "postcode", pathways_offer_get_postcode (offer),
                "area", area,
                "in-authority", in_authority (pathways_snapshot_get_settings (snap), area),
                "kind", pathways_provision_kind_unit_kind (pathways_referral_get_kind (r)),
                "registration", pathways_offer_get_registration (offer),
                "weekly-cost", pathways_offer_get_weekly_cost (offer),
                "commissioning", commissioning_of (pathways_provider_get_route (provider)),
                "status", "available",
                NULL);
  if (!pathways_store_insert (store, PATHWAYS_RECORD (unit), error))
    goto failed;

  /* The same move the Schedule Move dialog makes */
  /* Translators: the note of a move scheduled from an offer; %s is the referral's reference */
  note = g_strdup_printf (_("Placed from referral R%" G_GINT64_FORMAT), pathways_record_get_id (PATHWAYS_RECORD (r)));
  req.young_person_id = pathways_referral_get_young_person_id (r);
  req.date = date;
  req.unit_id = pathways_record_get_id (PATHWAYS_RECORD (unit));
  req.scheduled_by = pathways_referral_get_made_by (r);
  req.note = note;
  req.accepted_warnings = accepted_warnings;
  if (!pathways_planner_schedule_move (store, &req, &transition, NULL, error))
    goto failed;

  g_object_set (offer, "state", "accepted", "unit-id", req.unit_id, NULL);
  if (!pathways_store_update (store, PATHWAYS_RECORD (offer), error) ||
      !close_open_offers (store, pathways_record_get_id (PATHWAYS_RECORD (r)), offer_id,
                          is_blank (others_reason) ? _("Another offer was accepted") : others_reason, error))
    goto failed;
  g_object_set (r, "state", "placed", "placed-on", date, NULL);
  if (!pathways_store_update (store, PATHWAYS_RECORD (r), error))
    goto failed;

  if (!pathways_store_commit_recorded (store, out_undo, error))
    return FALSE;
  if (out_transition_id)
    *out_transition_id = transition;
  return TRUE;

failed:
  pathways_store_rollback_recorded (store);
  return FALSE;
}

gboolean
pathways_offer_close (PathwaysStore      *store,
                      gint64              offer_id,
                      const char         *reason,
                      PathwaysChangeSet **out_undo,
                      GError            **error)
{
  g_autoptr(PathwaysOffer) offer = NULL;

  if (is_blank (reason))
    return invalid (error, _("Say why the offer is closed"));
  if (!pathways_store_begin_recorded (store, error))
    return FALSE;
  if ((offer = pathways_store_get (store, PATHWAYS_TYPE_OFFER, offer_id, error)) == NULL)
    goto failed;
  if (g_strcmp0 (pathways_offer_get_state (offer), "open") != 0)
    {
      invalid (error, _("This offer is no longer open"));
      goto failed;
    }
  g_object_set (offer, "state", "closed", "close-reason", reason, NULL);
  if (!pathways_store_update (store, PATHWAYS_RECORD (offer), error))
    goto failed;
  return pathways_store_commit_recorded (store, out_undo, error);

failed:
  pathways_store_rollback_recorded (store);
  return FALSE;
}

/* Times ---------------------------------------------------------------------- */

static int
int_compare (gconstpointer a,
             gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

gboolean
pathways_referral_times (PathwaysStore          *store,
                         PathwaysReferralTimes  *out,
                         GError                **error)
{
  g_autoptr(GListModel) all = pathways_store_list (store, PATHWAYS_TYPE_REFERRAL, error);
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (int));
  double sum = 0;

  if (all == NULL)
    return FALSE;
  memset (out, 0, sizeof *out);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(PathwaysReferral) r = g_list_model_get_item (all, i);
      const char *state = pathways_referral_get_state (r);

      out->made++;
      if (g_strcmp0 (state, "placed") == 0 && pathways_referral_get_placed_on (r) != NULL)
        {
          int d = pathways_date_days_between (pathways_referral_get_made_on (r), pathways_referral_get_placed_on (r));
          out->placed++;
          g_array_append_val (days, d);
          sum += d;
          out->longest_days = MAX (out->longest_days, d);
        }
      else if (g_strcmp0 (state, "open") == 0)
        out->open++;
      else
        out->closed++;
    }
  if (days->len > 0)
    {
      g_array_sort (days, int_compare);
      out->mean_days = sum / days->len;
      out->median_days = days->len % 2 ? g_array_index (days, int, days->len / 2)
                                       : (g_array_index (days, int, days->len / 2 - 1) +
                                          g_array_index (days, int, days->len / 2)) / 2;
    }
  return TRUE;
}
