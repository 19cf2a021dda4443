/* pathways-validate.c — what a record must satisfy before it is written
 *
 * These are checks of the data itself (a real date, a known code, a
 * date of birth not in the future).  The statutory rules of leaving care
 * (status, eligibility, alerts) live in the rules module, not here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-validate"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pathways-format.h"
#include "pathways-store-private.h"
#include "pathways-vocab.h"

/* For a text field not in pathways-entities.c's table (there should be none) */
#define DEFAULT_MAX_LENGTH 1000u

typedef struct {
  PathwaysStore  *store;
  PathwaysRecord *record;
  char           *today;
} Check;

static gboolean
invalid (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_INVALID, msg);
  return FALSE;
}

static const char *
label (PathwaysRecord *record,
       const char     *field)
{
  PathwaysRecordClass *klass = PATHWAYS_RECORD_GET_CLASS (record);
  int idx = pathways_record_class_find_field (klass, field);

  g_assert (idx >= 0);
  return g_dgettext (GETTEXT_PACKAGE, klass->fields[idx].label);
}

static const char *
str (Check      *c,
     const char *field)
{
  return pathways_record_get_string (c->record, field);
}

/* Required fields, text that is valid and not too long, and well-formed dates */
static gboolean
check_fields (Check   *c,
              GError **error)
{
  PathwaysRecordClass *klass = PATHWAYS_RECORD_GET_CLASS (c->record);
  const char *table = pathways_record_class_get_table (klass);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const PathwaysField *f = &klass->fields[i];
      const GValue *v = pathways_record_peek_value (c->record, i);
      const char *l = g_dgettext (GETTEXT_PACKAGE, f->label);

      if (f->type == PATHWAYS_FIELD_STRING || f->type == PATHWAYS_FIELD_DATE)
        {
          const char *s = g_value_get_string (v);
          guint max = f->type == PATHWAYS_FIELD_STRING ? pathways_field_get_max_length (table, f->name) : 0;
          g_autofree char *stripped = NULL;

          if (s != NULL && !g_utf8_validate (s, -1, NULL))
            return invalid (error, _("%s is not valid text"), l);
          if (f->type == PATHWAYS_FIELD_STRING && s != NULL &&
              g_utf8_strlen (s, -1) > (max != 0 ? max : DEFAULT_MAX_LENGTH))
            /* Translators: "Given name is too long (at most 100 characters)" */
            return invalid (error, _("%s is too long (at most %u characters)"), l,
                            max != 0 ? max : DEFAULT_MAX_LENGTH);
          stripped = s ? g_strstrip (g_strdup (s)) : NULL;
          if ((f->flags & PATHWAYS_FIELD_REQUIRED) && (stripped == NULL || *stripped == '\0'))
            /* Translators: %s is a field, e.g. "Family name is required" */
            return invalid (error, _("%s is required"), l);
          if (f->type == PATHWAYS_FIELD_DATE && s != NULL && !pathways_date_parse_iso (s, NULL))
            {
              /* A real day, but outside the calendar Pathways records */
              if (pathways_date_is_outside_calendar (s))
                {
                  g_autofree char *uk = pathways_date_format_uk (s);
                  return invalid (error, _("%s %s is outside the dates Pathways can record "
                                           "(01/01/1900 to 31/12/9999)"), l, uk);
                }
              if (strlen (s) > 32)
                return invalid (error, _("%s is not a date"), l);
              return invalid (error, _("%s ‘%s’ is not a date"), l, s);
            }
        }
      else if ((f->flags & PATHWAYS_FIELD_REFERENCE) && (f->flags & PATHWAYS_FIELD_REQUIRED)
               && g_value_get_int64 (v) <= 0)
        return invalid (error, _("%s is required"), l);
      else if (f->type == PATHWAYS_FIELD_MONEY && g_value_get_int64 (v) < 0)
        return invalid (error, _("%s cannot be negative"), l);
    }

  return TRUE;
}

static gboolean
check_vocab (Check         *c,
             const char    *field,
             PathwaysVocab  vocab,
             GError       **error)
{
  const char *code = str (c, field);

  if (code != NULL && !pathways_vocab_is_valid (vocab, code))
    return invalid (error, _("%s ‘%s’ is not one of the known values"), label (c->record, field), code);
  return TRUE;
}

static gboolean
check_ref (Check       *c,
           const char  *field,
           const char  *table,
           GError     **error)
{
  gint64 id = pathways_record_get_int (c->record, field);

  if (id != 0 && !pathways_store_exists (c->store, table, id))
    return invalid (error, _("%s refers to a record that does not exist"), label (c->record, field));
  return TRUE;
}

static gboolean
check_code (Check       *c,
            const char  *field,
            const char  *list,
            const char  *on_date,
            GError     **error)
{
  const char *code = str (c, field);
  g_autoptr(PathwaysRefCode) found = NULL;
  g_autofree char *day = NULL;
  gboolean known = FALSE;

  if (code == NULL)
    return TRUE;

  found = pathways_store_lookup_ref_code (c->store, list, code, on_date, &known, error);
  if (found != NULL)
    return TRUE;
  if (error != NULL && *error != NULL)
    return FALSE;

  if (!known)
    return invalid (error, _("%s ‘%s’ is not a 903 %s code"), label (c->record, field), code, list);

  day = pathways_date_format_uk (on_date);
  return invalid (error, _("%s ‘%s’ was not a valid 903 code on %s"), label (c->record, field), code, day);
}

/* @earlier must not be after @later, when both are set */
static gboolean
check_order (Check       *c,
             const char  *earlier,
             const char  *later,
             GError     **error)
{
  const char *a = str (c, earlier);
  const char *b = str (c, later);

  if (a != NULL && b != NULL && strcmp (a, b) > 0)
    {
      g_autofree char *ua = pathways_date_format_uk (a);
      g_autofree char *ub = pathways_date_format_uk (b);
      /* Translators: "Actual end 01/02/2024 is before Start date 03/04/2024" */
      return invalid (error, _("%s %s is before %s %s"),
                      label (c->record, later), ub, label (c->record, earlier), ua);
    }
  return TRUE;
}

static gboolean
check_not_future (Check       *c,
                  const char  *field,
                  GError     **error)
{
  const char *d = str (c, field);

  if (d != NULL && strcmp (d, c->today) > 0)
    {
      g_autofree char *ud = pathways_date_format_uk (d);
      /* Translators: "Date of birth 01/02/2031 is in the future" */
      return invalid (error, _("%s %s is in the future"), label (c->record, field), ud);
    }
  return TRUE;
}

static gboolean
validate_staff (Check   *c,
                GError **error)
{
  return check_vocab (c, "role", PATHWAYS_VOCAB_STAFF_ROLE, error);
}

static gboolean
validate_team (Check   *c,
               GError **error)
{
  g_autofree char *name = g_strstrip (g_strdup (str (c, "name")));

  if (!g_str_equal (name, str (c, "name")))
    return invalid (error, _("Team name cannot start or end with spaces"));
  return TRUE;
}

/* The day a young person's record is about must not be before they were
 * born, nor (for what has happened) after today */
static gboolean
check_person_day (Check       *c,
                  const char  *field,
                  gboolean     may_be_future,
                  GError     **error)
{
  const char *day = str (c, field);
  g_autoptr(PathwaysYoungPerson) person = NULL;

  if (day == NULL)
    return TRUE;
  if (!may_be_future && !check_not_future (c, field, error))
    return FALSE;
  person = pathways_store_get (c->store, PATHWAYS_TYPE_YOUNG_PERSON,
                               pathways_record_get_int (c->record, "young-person-id"), NULL);
  if (person != NULL && strcmp (day, pathways_young_person_get_date_of_birth (person)) < 0)
    {
      g_autofree char *ud = pathways_date_format_uk (day);
      g_autofree char *ub = pathways_date_format_uk (pathways_young_person_get_date_of_birth (person));
      /* Translators: "Date of contact 01/02/2003 is before their date of birth 04/05/2006" */
      return invalid (error, _("%s %s is before their date of birth %s"), label (c->record, field), ud, ub);
    }
  return TRUE;
}

static gboolean
validate_contact (Check   *c,
                  GError **error)
{
  return check_ref (c, "young-person-id", "young_person", error) &&
         check_vocab (c, "kind", PATHWAYS_VOCAB_CONTACT_KIND, error) &&
         check_person_day (c, "contact-date", FALSE, error);
}

static gboolean
validate_activity (Check   *c,
                   GError **error)
{
  return check_ref (c, "young-person-id", "young_person", error) &&
         check_person_day (c, "start-date", FALSE, error) &&
         check_order (c, "start-date", "end-date", error) &&
         check_code (c, "activ", PATHWAYS_REF_ACTIV, str (c, "start-date"), error);
}

/* The OC3 facts at a birthday: the birthday is their 17th to 21st, the
 * codes are valid on it, ACCOM is a letter and a suitability digit (or
 * 0), S and X only as 2, and the DfE's rules 344 and 345 hold */
static gboolean
validate_oc3_fact (Check   *c,
                   GError **error)
{
  const char *day = str (c, "birthday");
  const char *in_touch = str (c, "in-touch");
  const char *activ = str (c, "activ");
  const char *accom = str (c, "accom");
  g_autoptr(PathwaysYoungPerson) person = NULL;
  gboolean zero_accom = g_strcmp0 (accom, "0") == 0;
  gboolean zero_activ = g_strcmp0 (activ, "0") == 0;

  if (!check_ref (c, "young-person-id", "young_person", error) ||
      !check_code (c, "in-touch", PATHWAYS_REF_IN_TOUCH, day, error) ||
      !check_code (c, "activ", PATHWAYS_REF_ACTIV, day, error))
    return FALSE;

  person = pathways_store_get (c->store, PATHWAYS_TYPE_YOUNG_PERSON,
                               pathways_record_get_int (c->record, "young-person-id"), NULL);
  if (person != NULL)
    {
      gboolean found = FALSE;

      for (int age = 17; age <= 21 && !found; age++)
        {
          g_autofree char *b = pathways_date_birthday (pathways_young_person_get_date_of_birth (person), age);
          found = g_strcmp0 (b, day) == 0;
        }
      if (!found)
        {
          g_autofree char *ud = pathways_date_format_uk (day);
          /* Translators: "Birthday 02/05/2025 is not their 17th, 18th, 19th, 20th or 21st birthday" */
          return invalid (error, _("%s %s is not their 17th, 18th, 19th, 20th or 21st birthday"),
                          label (c->record, "birthday"), ud);
        }
    }

  if (!zero_accom)
    {
      g_autofree char *letter = g_strndup (accom, 1);
      g_autoptr(PathwaysRefCode) code = NULL;

      if (strlen (accom) != 2 || (accom[1] != '1' && accom[1] != '2'))
        /* Translators: "Accommodation (903 ACCOM) ‘B’ must be a letter and 1 (suitable) or 2 (not suitable), or 0" */
        return invalid (error, _("%s ‘%s’ must be a letter and 1 (suitable) or 2 (not suitable), or 0"),
                        label (c->record, "accom"), accom);
      code = pathways_store_lookup_ref_code (c->store, PATHWAYS_REF_ACCOM, letter, day, NULL, NULL);
      if (code == NULL)
        return invalid (error, _("%s ‘%s’ is not a 903 %s code"), label (c->record, "accom"), accom,
                        PATHWAYS_REF_ACCOM);
      if (accom[1] == '1' && pathways_ref_code_get_unsuitable_only (code))
        /* Translators: "Accommodation (903 ACCOM) ‘S1’: this accommodation can only be recorded as not suitable (2)" */
        return invalid (error, _("%s ‘%s’: this accommodation can only be recorded as not suitable (2)"),
                        label (c->record, "accom"), accom);
    }

  if ((g_strcmp0 (in_touch, "DIED") == 0 || g_strcmp0 (in_touch, "RHOM") == 0) && (!zero_accom || !zero_activ))
    /* Translators: "Main activity (903 ACTIV) and Accommodation (903 ACCOM) must be 0 when In touch is DIED" */
    return invalid (error, _("%s and %s must be 0 when %s is %s"), label (c->record, "activ"),
                    label (c->record, "accom"), label (c->record, "in-touch"), in_touch);
  if (g_strcmp0 (in_touch, "YES") == 0 && (zero_accom || zero_activ))
    return invalid (error, _("%s and %s must not be 0 when %s is %s"), label (c->record, "activ"),
                    label (c->record, "accom"), label (c->record, "in-touch"), in_touch);
  return TRUE;
}

static gboolean
validate_young_person (Check   *c,
                       GError **error)
{
  PathwaysRecord *r = c->record;
  const char *dob = str (c, "date-of-birth");
  gint64 since14 = pathways_record_get_int (r, "days-looked-after-since-14");
  gint64 since16 = pathways_record_get_int (r, "days-looked-after-since-16");

  if (!check_not_future (c, "date-of-birth", error))
    return FALSE;
  if (strcmp (dob, "1990-01-01") < 0)
    {
      g_autofree char *ud = pathways_date_format_uk (dob);
      return invalid (error, _("Date of birth %s is too long ago for a care leaver"), ud);
    }

  if (!check_vocab (c, "sex", PATHWAYS_VOCAB_SEX, error) ||
      !check_vocab (c, "immigration-status", PATHWAYS_VOCAB_IMMIGRATION_STATUS, error) ||
      !check_vocab (c, "appeal-stage", PATHWAYS_VOCAB_APPEAL_STAGE, error) ||
      !check_vocab (c, "age-assessment", PATHWAYS_VOCAB_AGE_ASSESSMENT, error) ||
      !check_code (c, "ethnicity", PATHWAYS_REF_ETHNIC, NULL, error) ||
      !check_code (c, "last-placement", PATHWAYS_REF_PLACE,
                   str (c, "date-care-ended") ? str (c, "date-care-ended") : c->today, error) ||
      !check_ref (c, "pa-id", "staff", error))
    return FALSE;

  if (!check_order (c, "date-of-birth", "date-first-looked-after", error) ||
      !check_order (c, "date-first-looked-after", "date-care-ended", error) ||
      !check_order (c, "date-of-birth", "needs-assessment-date", error) ||
      !check_order (c, "date-of-birth", "pathway-plan-review-date", error) ||
      !check_order (c, "date-of-birth", "last-contact-date", error) ||
      !check_not_future (c, "date-first-looked-after", error) ||
      !check_not_future (c, "date-care-ended", error) ||
      !check_not_future (c, "needs-assessment-date", error) ||
      !check_not_future (c, "pathway-plan-review-date", error) ||
      !check_not_future (c, "last-contact-date", error) ||
      !check_not_future (c, "human-rights-assessment-date", error))
    return FALSE;

  /* A closed case: a reason and a day between birth and today */
  if (!check_vocab (c, "close-reason", PATHWAYS_VOCAB_CLOSE_REASON, error) ||
      !check_vocab (c, "pa-support-after-21", PATHWAYS_VOCAB_PA_SUPPORT_21, error) ||
      !check_order (c, "date-of-birth", "closed-on", error) ||
      !check_not_future (c, "closed-on", error) ||
      !check_order (c, "date-of-birth", "pa-support-offered-on", error) ||
      !check_not_future (c, "pa-support-offered-on", error))
    return FALSE;
  if (str (c, "closed-on") != NULL && str (c, "close-reason") == NULL)
    return invalid (error, _("Give the reason the case was closed"));
  if (str (c, "closed-on") == NULL && str (c, "close-reason") != NULL)
    return invalid (error, _("Give the date the case was closed"));

  if (str (c, "date-care-ended") != NULL && str (c, "date-first-looked-after") == NULL)
    return invalid (error, _("Date care ended is set but Date first looked after is missing"));

  if (since14 < 0 || since16 < 0)
    return invalid (error, _("Days looked after cannot be negative"));
  if (since16 > since14)
    return invalid (error, _("Days looked after since 16th birthday (%" G_GINT64_FORMAT ") cannot be "
                             "more than days looked after since 14th birthday (%" G_GINT64_FORMAT ")"),
                    since16, since14);
  {
    g_autofree char *b14 = pathways_date_birthday (dob, 14);
    const char *until = str (c, "date-care-ended") ? str (c, "date-care-ended") : c->today;
    int possible = MAX (0, pathways_date_days_between (b14, until) + 1);

    if (since14 > possible)
      return invalid (error, _("Days looked after since 14th birthday (%" G_GINT64_FORMAT ") is more "
                               "than the %d days between the 14th birthday and the end of care"),
                      since14, possible);
  }

  if (!pathways_record_get_bool (r, "uasc") &&
      (str (c, "are-date") != NULL ||
       (str (c, "age-assessment") != NULL && !g_str_equal (str (c, "age-assessment"), "not_required"))))
    return invalid (error, _("Appeal and age-assessment details are only recorded for "
                             "unaccompanied asylum-seeking young people"));

  return TRUE;
}

static gboolean
validate_urn (const char  *urn,
              GError     **error)
{
  const char *digits = urn;
  gsize n;

  if (urn == NULL)
    return TRUE;
  if (g_ascii_strncasecmp (urn, "SC", 2) == 0)
    digits += 2;
  n = strlen (digits);
  for (const char *p = digits; *p; p++)
    if (!g_ascii_isdigit (*p))
      n = 0;
  if (n < 6 || n > 8)
    return invalid (error, _("Ofsted URN ‘%s’ should be 6 to 8 digits, optionally after ‘SC’"), urn);
  return TRUE;
}

static gboolean
validate_unit (Check   *c,
               GError **error)
{
  PathwaysRecord *r = c->record;
  gint64 min_age = pathways_record_get_int (r, "min-age");
  gint64 max_age = pathways_record_get_int (r, "max-age");
  double hours = pathways_record_get_real (r, "support-hours");

  if (!check_vocab (c, "kind", PATHWAYS_VOCAB_UNIT_KIND, error) ||
      !check_vocab (c, "provider-type", PATHWAYS_VOCAB_PROVIDER_TYPE, error) ||
      !check_vocab (c, "staffing", PATHWAYS_VOCAB_STAFFING, error) ||
      !check_vocab (c, "registration", PATHWAYS_VOCAB_REGISTRATION, error) ||
      !check_vocab (c, "commissioning", PATHWAYS_VOCAB_COMMISSIONING, error) ||
      !check_vocab (c, "status", PATHWAYS_VOCAB_UNIT_STATUS, error) ||
      !check_order (c, "status-from", "status-to", error) ||
      !validate_urn (str (c, "ofsted-urn"), error))
    return FALSE;

  if (pathways_record_get_int (r, "bedrooms") < 0)
    return invalid (error, _("Bedrooms cannot be negative"));
  if (min_age < 0 || max_age < 0 || max_age > 30 || (max_age != 0 && min_age > max_age))
    return invalid (error, _("Age range %" G_GINT64_FORMAT "–%" G_GINT64_FORMAT " is not sensible"),
                    min_age, max_age);
  if (hours < 0 || hours > 168)
    return invalid (error, _("Support hours per week must be between 0 and 168"));

  return TRUE;
}

static gboolean
validate_spell (Check   *c,
                GError **error)
{
  PathwaysRecord *r = c->record;
  const char *state = str (c, "state");
  const char *start = str (c, "start-date");
  const char *accom = str (c, "accom");

  if (!check_vocab (c, "state", PATHWAYS_VOCAB_SPELL_STATE, error) ||
      !check_ref (c, "young-person-id", "young_person", error) ||
      !check_ref (c, "unit-id", "unit", error) ||
      !check_code (c, "accom", PATHWAYS_REF_ACCOM, start, error) ||
      !check_code (c, "place", PATHWAYS_REF_PLACE, start, error) ||
      !check_code (c, "place-provider", PATHWAYS_REF_PLACE_PROVIDER, start, error) ||
      !check_order (c, "start-date", "planned-end", error) ||
      !check_order (c, "start-date", "actual-end", error))
    return FALSE;

  if (pathways_record_get_int (r, "unit-id") == 0 && str (c, "address") == NULL &&
      str (c, "place") == NULL)
    return invalid (error, _("Choose a unit from the register or give an address"));
  if (accom == NULL && str (c, "place") == NULL)
    return invalid (error, _("Give the 903 accommodation type (ACCOM) or placement type (PLACE)"));

  if (accom != NULL && pathways_record_get_bool (r, "accom-suitable"))
    {
      g_autoptr(PathwaysRefCode) code =
        pathways_store_lookup_ref_code (c->store, PATHWAYS_REF_ACCOM, accom, NULL, NULL, NULL);
      if (code != NULL && pathways_record_get_bool (PATHWAYS_RECORD (code), "unsuitable-only"))
        return invalid (error, _("Accommodation type %s (%s) is never suitable"), accom,
                        pathways_record_get_string (PATHWAYS_RECORD (code), "meaning"));
    }

  if (g_str_equal (state, "ended") && str (c, "actual-end") == NULL)
    return invalid (error, _("An ended spell needs its actual end date"));
  if (!g_str_equal (state, "ended") && str (c, "actual-end") != NULL)
    return invalid (error, _("Only an ended spell has an actual end date"));
  if (g_str_equal (state, "current") && strcmp (start, c->today) > 0)
    {
      g_autofree char *us = pathways_date_format_uk (start);
      return invalid (error, _("A current spell cannot start in the future (%s)"), us);
    }
  if (!check_not_future (c, "actual-end", error))
    return FALSE;

  return TRUE;
}

static gboolean
validate_milestone_template (Check   *c,
                             GError **error)
{
  gint64 months = pathways_record_get_int (c->record, "due-age-months");

  if (!check_vocab (c, "category", PATHWAYS_VOCAB_MILESTONE_CATEGORY, error))
    return FALSE;
  if (months < 0 || months > 26 * 12)
    return invalid (error, _("A milestone is due between birth and age 26"));
  return TRUE;
}

static gboolean
validate_milestone (Check   *c,
                    GError **error)
{
  return check_vocab (c, "category", PATHWAYS_VOCAB_MILESTONE_CATEGORY, error) &&
         check_ref (c, "young-person-id", "young_person", error) &&
         check_ref (c, "template-id", "milestone_template", error) &&
         check_not_future (c, "done-date", error);
}

static gboolean
validate_transition (Check   *c,
                     GError **error)
{
  if (!check_vocab (c, "state", PATHWAYS_VOCAB_TRANSITION_STATE, error) ||
      !check_ref (c, "young-person-id", "young_person", error) ||
      !check_ref (c, "from-spell-id", "spell", error) ||
      !check_ref (c, "to-unit-id", "unit", error) ||
      !check_ref (c, "to-spell-id", "spell", error) ||
      !check_ref (c, "scheduled-by", "staff", error))
    return FALSE;

  if (pathways_record_get_int (c->record, "to-unit-id") == 0 && str (c, "to-address") == NULL)
    return invalid (error, _("Choose a destination unit or give an address"));
  return TRUE;
}

static gboolean
validate_note (Check   *c,
               GError **error)
{
  return check_ref (c, "young-person-id", "young_person", error) &&
         check_not_future (c, "written-on", error);
}

/* An SSDA903 episode: its codes valid on its dates (REC on the day it
 * ended, the others on the day it started), within the young person's
 * life, and not overlapping another of their episodes (one may start on
 * the day the one before ended, as the 903 joins them) */
static gboolean
validate_episode (Check   *c,
                  GError **error)
{
  PathwaysRecord *r = c->record;
  gint64 person_id = pathways_record_get_int (r, "young-person-id");
  const char *decom = str (c, "decom");
  const char *dec = str (c, "dec");
  g_autoptr(PathwaysRecord) person = NULL;
  g_autoptr(GListModel) others = NULL;
  GError *local = NULL;

  if (!check_ref (c, "young-person-id", "young_person", error) ||
      !check_code (c, "rne", PATHWAYS_REF_RNE, decom, error) ||
      !check_code (c, "ls", PATHWAYS_REF_LS, decom, error) ||
      !check_code (c, "cin", PATHWAYS_REF_CIN, decom, error) ||
      !check_code (c, "place", PATHWAYS_REF_PLACE, decom, error) ||
      !check_code (c, "place-provider", PATHWAYS_REF_PLACE_PROVIDER, decom, error) ||
      !check_code (c, "reason-place-change", PATHWAYS_REF_REASON_PLACE_CHANGE, decom, error) ||
      !check_code (c, "rec", PATHWAYS_REF_REC, dec ? dec : decom, error) ||
      !check_not_future (c, "decom", error) ||
      !check_not_future (c, "dec", error) ||
      !validate_urn (str (c, "urn"), error))
    return FALSE;

  if (dec != NULL && strcmp (dec, decom) <= 0)
    {
      g_autofree char *ud = pathways_date_format_uk (dec);
      g_autofree char *us = pathways_date_format_uk (decom);
      /* Translators: "End date 01/02/2024 is not after the start date 03/04/2024" */
      return invalid (error, _("%s %s is not after the start date %s"), label (r, "dec"), ud, us);
    }
  if (str (c, "rec") != NULL && dec == NULL)
    return invalid (error, _("%s needs the end date of the episode"), label (r, "rec"));
  if (dec != NULL && str (c, "rec") == NULL &&
      g_strcmp0 (str (c, "origin"), PATHWAYS_EPISODE_FROM_TYPED_FIGURES) != 0)
    return invalid (error, _("%s is needed when the episode has an end date"), label (r, "rec"));

  person = pathways_store_get (c->store, PATHWAYS_TYPE_YOUNG_PERSON, person_id, NULL);
  if (person != NULL)
    {
      const char *dob = pathways_record_get_string (person, "date-of-birth");

      if (dob != NULL && strcmp (decom, dob) < 0)
        {
          g_autofree char *us = pathways_date_format_uk (decom);
          g_autofree char *ub = pathways_date_format_uk (dob);
          /* Translators: "Start date 01/01/2000 is before the date of birth 14/05/2008" */
          return invalid (error, _("%s %s is before the date of birth %s"), label (r, "decom"), us, ub);
        }
    }

  others = pathways_store_list_for_person (c->store, PATHWAYS_TYPE_EPISODE, person_id, &local);
  if (others == NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  for (guint i = 0, n = g_list_model_get_n_items (others); i < n; i++)
    {
      g_autoptr(PathwaysRecord) o = g_list_model_get_item (others, i);
      const char *odecom = pathways_record_get_string (o, "decom");
      const char *odec = pathways_record_get_string (o, "dec");

      if (pathways_record_get_id (o) == pathways_record_get_id (r) && pathways_record_get_id (r) != 0)
        continue;
      /* [decom, dec) and [odecom, odec) share a day; an open end is never */
      if ((odec == NULL || strcmp (decom, odec) < 0) && (dec == NULL || strcmp (odecom, dec) < 0))
        {
          g_autofree char *us = pathways_date_format_uk (decom);
          g_autofree char *uos = pathways_date_format_uk (odecom);
          g_autofree char *uoe = pathways_date_format_uk (odec);

          if (odec != NULL)
            /* Translators: "Start date 01/03/2024: this episode overlaps the one from 01/02/2024 to 30/04/2024" */
            return invalid (error, _("%s %s: this episode overlaps the one from %s to %s"),
                            label (r, "decom"), us, uos, uoe);
          return invalid (error, _("%s %s: this episode overlaps the one from %s that has not ended"),
                          label (r, "decom"), us, uos);
        }
    }

  return TRUE;
}

static gboolean
validate_ref_code (Check   *c,
                   GError **error)
{
  return check_order (c, "valid-from", "valid-to", error);
}

/**
 * pathways_validate_record:
 *
 * Returns: %TRUE if @record may be written; otherwise @error names the
 * field and the problem in words a person can act on
 */
gboolean
pathways_validate_record (PathwaysStore   *store,
                          PathwaysRecord  *record,
                          GError         **error)
{
  Check c = { store, record, pathways_clock_dup_today (pathways_store_get_clock (store)) };
  gboolean ok;

  ok = check_fields (&c, error);
  if (ok)
    {
      if (PATHWAYS_IS_STAFF (record))
        ok = validate_staff (&c, error);
      else if (PATHWAYS_IS_TEAM (record))
        ok = validate_team (&c, error);
      else if (PATHWAYS_IS_CONTACT (record))
        ok = validate_contact (&c, error);
      else if (PATHWAYS_IS_ACTIVITY (record))
        ok = validate_activity (&c, error);
      else if (PATHWAYS_IS_OC3_FACT (record))
        ok = validate_oc3_fact (&c, error);
      else if (PATHWAYS_IS_YOUNG_PERSON (record))
        ok = validate_young_person (&c, error);
      else if (PATHWAYS_IS_UNIT (record))
        ok = validate_unit (&c, error);
      else if (PATHWAYS_IS_SPELL (record))
        ok = validate_spell (&c, error);
      else if (PATHWAYS_IS_MILESTONE_TEMPLATE (record))
        ok = validate_milestone_template (&c, error);
      else if (PATHWAYS_IS_MILESTONE (record))
        ok = validate_milestone (&c, error);
      else if (PATHWAYS_IS_TRANSITION (record))
        ok = validate_transition (&c, error);
      else if (PATHWAYS_IS_NOTE (record))
        ok = validate_note (&c, error);
      else if (PATHWAYS_IS_EPISODE (record))
        ok = validate_episode (&c, error);
      else if (PATHWAYS_IS_REF_CODE (record))
        ok = validate_ref_code (&c, error);
    }

  g_free (c.today);
  return ok;
}
