/* pathways-person-page.c — one young person: status, accommodation,
 * milestones, notes and profile
 *
 * A PathwaysPage.  It shows a PathwaysPersonDetails loaded in a worker
 * thread and builds its rows from it.  Every change goes through the
 * planner's _async actions, as one recorded action: a toast offers
 * "Undo", and every page, this one too, refreshes from the store's
 * "changed".  A save refused because the record changed since it was
 * loaded says who changed what and offers to reload, keeping the edits
 * in the profile form (which a refresh never overwrites).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-person-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pathways-archived-banner.h"
#include "pathways-care-history-section.h"
#include "pathways-close-case-dialog.h"
#include "pathways-contact-dialog.h"
#include "pathways-erase-section.h"
#include "pathways-oc3-dialog.h"
#include "pathways-move-dialog.h"
#include "pathways-destination-list.h"
#include "pathways-plan-proposal.h"
#include "pathways-page.h"
#include "pathways-history-list.h"
#include "pathways-person-page.h"
#include "pathways-i-statement-dialog.h"
#include "pathways-income-dialog.h"
#include "pathways-offers-dialog.h"
#include "pathways-referral-buttons.h"
#include "pathways-referral-dialog.h"
#include "pathways-row-name.h"
#include "pathways-person-page-private.h"
#include "pathways-print.h"
#include "pathways-print-pages.h"
#include "pathways-spell-strip.h"
#include "pathways-support-section.h"
#include "pathways-timeline.h"
#include "pathways-timeline-render.h"
#include "pathways-widgets.h"
#include "pathways-wrap-box.h"

typedef enum {
  FIELD_TEXT,
  FIELD_DATE,
  FIELD_VOCAB,
  FIELD_REF,
  FIELD_STAFF,
  FIELD_BOOL,
} FieldKind;

typedef struct {
  const char    *name;
  FieldKind      kind;
  PathwaysVocab  vocab;      /* FIELD_VOCAB */
  const char    *ref_list;   /* FIELD_REF */
} FieldSpec;

static const FieldSpec profile_fields[] = {
  { "given-name", FIELD_TEXT },
  { "family-name", FIELD_TEXT },
  { "preferred-name", FIELD_TEXT },
  { "date-of-birth", FIELD_DATE },
  { "local-id", FIELD_TEXT },
  { "sex", FIELD_VOCAB, PATHWAYS_VOCAB_SEX },
  { "ethnicity", FIELD_REF, 0, PATHWAYS_REF_ETHNIC },
  { "pa-id", FIELD_STAFF },
  { "team", FIELD_TEXT },
  { "uasc", FIELD_BOOL },
  { "disability", FIELD_BOOL },
  { "home-postcode", FIELD_TEXT },
  { "preferred-area", FIELD_TEXT },
  { "date-first-looked-after", FIELD_DATE },
  { "date-care-ended", FIELD_DATE },
  { "last-placement", FIELD_REF, 0, PATHWAYS_REF_PLACE },
  { "needs-assessment-date", FIELD_DATE },
  { "pathway-plan-review-date", FIELD_DATE },
  { "last-contact-date", FIELD_DATE },
  { "pa-support-after-21", FIELD_VOCAB, PATHWAYS_VOCAB_PA_SUPPORT_21 },
  { "pa-support-offered-on", FIELD_DATE },
  { "needs-summary", FIELD_TEXT },
};

typedef struct {
  const FieldSpec *spec;
  GtkWidget       *row;
  GtkWidget       *input;   /* the row itself, a GtkSwitch, or the combo row */
  GtkLabel        *error;
  GPtrArray       *codes;   /* combo position → code (char*) or staff id (as string) */
  gboolean         dirty;   /* edited since it was filled */
  guint            gen;     /* the edit it was last typed in (see edit_gen) */
} ProfileField;

/* Save as you go: an edit is written this long after the last keystroke,
 * at once when the page is left */
#define AUTOSAVE_DELAY_MS 1200

struct _PathwaysPersonPage
{
  GtkWidget parent_instance;

  PathwaysContext       *context;
  gint64                 person_id;
  PathwaysPersonDetails *details;
  GListModel            *staff;          /* for the PA choice and the author of notes */
  GListModel            *ethnic_codes;
  GListModel            *place_codes;
  PathwaysRecord        *edit_base;      /* the record as it was when the profile was first edited */
  PathwaysRecord        *latest;         /* the young person as last saved here (newer than details?) */
  guint                  edit_gen;       /* one more on every edit of the profile or the wishes */
  gboolean               wishes_dirty;
  guint                  wishes_gen;
  guint                  autosave_id;
  GCancellable          *cancellable;
  gboolean               loading;
  gboolean               filling;
  guint                  n_busy;         /* actions under way */
  GWeakRef               conflict_dialog;
  ProfileField           fields[G_N_ELEMENTS (profile_fields)];
  gboolean               profile_built;
  GWeakRef               move_dialog;
  guint                  n_milestone_rows;
  guint                  n_spell_rows;

  /* Template widgets */
  GtkStack           *stack;
  GtkSpinner         *spinner;
  AdwStatusPage      *error_page;
  GtkScrolledWindow  *scroller;
  GtkLabel           *name_label;
  GtkLabel           *status_pill;
  GtkLabel           *subtitle_label;
  GtkButton          *schedule_button;
  PathwaysReferralButtons *referral_buttons;
  PathwaysWrapBox         *title_wrap;  /* the name, and the actions beside or under it */
  GtkListBox         *status_list;
  GtkListBox         *alerts_list;
  PathwaysSpellStrip *strip;
  GtkFlowBox         *strip_legend;
  GtkListBox         *moves_list;
  GtkListBox         *spells_list;
  PathwaysDestinationList *destination_list;
  PathwaysEraseSection *erase_section;
  PathwaysPlanProposal    *plan_proposal;
  GtkLabel           *readiness_label;
  GtkLevelBar        *readiness_bar;
  GtkBox             *milestones_box;
  AdwExpanderRow     *add_milestone_row;
  AdwEntryRow        *milestone_name_row;
  AdwComboRow        *milestone_category_row;
  AdwEntryRow        *milestone_due_row;
  GtkLabel           *milestone_error_label;
  GtkTextView        *wishes_view;
  GtkWidget          *private_box;
  GtkLabel           *private_reason;
  GtkTextView        *note_view;
  GtkListBox         *notes_list;
  PathwaysHistoryList *history_list;
  GtkListBox         *profile_list;
  GtkLabel           *profile_error_label;
  PathwaysCareHistorySection *care_history;
  PathwaysArchivedBanner *archived_banner;
  PathwaysSupportSection *support_section;
};

static void pathways_person_page_page_init (PathwaysPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PathwaysPersonPage, pathways_person_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (PATHWAYS_TYPE_PAGE, pathways_person_page_page_init))

enum {
  PROP_0,
  PROP_LOADING,
  PROP_BUSY,
  N_PROPS,
  PROP_CONTEXT,
  PROP_TITLE,
  PROP_ICON_NAME,
};

static GParamSpec *properties[N_PROPS];

static void reload (PathwaysPersonPage *self);
static void schedule_autosave (PathwaysPersonPage *self);
static PathwaysRecord *newest_person (PathwaysPersonPage *self);

/* Helpers */

static char *
dup_today (PathwaysPersonPage *self)
{
  return pathways_context_dup_today (self->context);
}

static PathwaysStore *
get_store (PathwaysPersonPage *self)
{
  return pathways_page_get_store (PATHWAYS_PAGE (self));
}

static void
set_loading (PathwaysPersonPage *self,
             gboolean            loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
set_busy (PathwaysPersonPage *self,
          gboolean            busy)
{
  g_assert (busy || self->n_busy > 0);
  self->n_busy += busy ? 1 : -1;
  if (self->n_busy == (busy ? 1u : 0u))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
clear_container (GtkWidget *container)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (container)) != NULL)
    {
      if (GTK_IS_LIST_BOX (container))
        gtk_list_box_remove (GTK_LIST_BOX (container), child);
      else
        gtk_box_remove (GTK_BOX (container), child);
    }
}

static GtkWidget *
text_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static GtkWidget *
suffix_label (GtkWidget  *row,
              const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return label;
}

static GtkWidget *
action_button (const char *label,
               const char *action,
               GVariant   *target)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  if (target != NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  return button;
}

/* After a write: offer undo.  The page (and every other) refreshes from
 * the store's "changed". */
static void
written (PathwaysPersonPage *self,
         const char         *message,
         PathwaysChangeSet  *undo)
{
  pathways_context_show_undoable (self->context, message, undo);
}

static void
conflict_response_cb (PathwaysPersonPage *self,
                      const char         *response,
                      AdwMessageDialog   *dialog)
{
  if (g_strcmp0 (response, "reload") != 0)
    return;
  /* What the others changed comes in; the profile keeps what was typed
   * in it, now over the version just read */
  g_clear_object (&self->edit_base);
  reload (self);
}

/* The record changed since it was loaded: say who changed what, and
 * offer to reload; the edits stay on screen either way */
static void
show_conflict (PathwaysPersonPage *self,
               const GError       *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkWidget) open = g_weak_ref_get (&self->conflict_dialog);
  GtkWidget *dialog;

  if (open != NULL)
    return;   /* (an autosave refused again while it is open) */
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Changed by Someone Else"), error->message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "reload", _("_Reload"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reload", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "reload");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (conflict_response_cb), self, G_CONNECT_SWAPPED);
  g_weak_ref_set (&self->conflict_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_error (PathwaysPersonPage *self,
            const GError       *error)
{
  if (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONFLICT))
    show_conflict (self, error);
  else
    pathways_context_show_error (self->context, error);
}

static char *
text_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

/* Profile form ----------------------------------------------------- */

static const char *
field_label (const char *name)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (PATHWAYS_TYPE_YOUNG_PERSON);
  int idx = pathways_record_class_find_field (PATHWAYS_RECORD_CLASS (klass), name);

  g_assert (idx >= 0);
  return g_dgettext (GETTEXT_PACKAGE, pathways_record_class_get_field (PATHWAYS_RECORD_CLASS (klass), idx)->label);
}

static ProfileField *
find_field (PathwaysPersonPage *self,
            const char         *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (profile_fields); i++)
    if (g_strcmp0 (self->fields[i].spec->name, name) == 0)
      return &self->fields[i];
  return NULL;
}

static void
set_field_error (ProfileField *f,
                 const char   *message)
{
  gtk_label_set_label (f->error, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (f->error), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (f->row, "error");
  else
    gtk_widget_remove_css_class (f->row, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (f->row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  message ? message : "", -1);
}

/* The page a profile field belongs to */
static PathwaysPersonPage *
page_of (ProfileField *f)
{
  return PATHWAYS_PERSON_PAGE (gtk_widget_get_ancestor (f->row, PATHWAYS_TYPE_PERSON_PAGE));
}

/* Typed into (not filled in by the page): kept over refreshes until saved */
static void
field_touched (ProfileField *f)
{
  PathwaysPersonPage *self = page_of (f);

  if (self == NULL || self->filling)
    return;
  set_field_error (f, NULL);
  f->dirty = TRUE;
  f->gen = ++self->edit_gen;
  if (self->edit_base == NULL && newest_person (self) != NULL)
    self->edit_base = pathways_record_copy (newest_person (self));
  schedule_autosave (self);
}

static void
field_edited_cb (GtkWidget    *widget,
                 ProfileField *f)
{
  field_touched (f);
}

static void
field_selected_cb (GtkWidget    *widget,
                   GParamSpec   *pspec,
                   ProfileField *f)
{
  field_touched (f);
}

static GtkWidget *
make_combo (ProfileField *f,
            GtkStringList *strings)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (strings));
  return row;
}

/* The care figures typed into older Pathways, which the episodes replace */
static gboolean
is_typed_care_field (const char *name)
{
  return g_str_equal (name, "date-first-looked-after") || g_str_equal (name, "date-care-ended") ||
         g_str_equal (name, "last-placement");
}

static void
build_profile (PathwaysPersonPage *self)
{
  if (self->profile_built)
    return;
  self->profile_built = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (profile_fields); i++)
    {
      ProfileField *f = &self->fields[i];
      const char *label = field_label (profile_fields[i].name);
      g_autoptr(GtkStringList) strings = NULL;

      f->spec = &profile_fields[i];
      f->codes = g_ptr_array_new_with_free_func (g_free);

      switch (f->spec->kind)
        {
        case FIELD_TEXT:
          f->row = f->input = adw_entry_row_new ();
          break;

        case FIELD_DATE:
          f->row = f->input = adw_entry_row_new ();
          break;

        case FIELD_VOCAB:
          {
            guint n;
            const PathwaysVocabEntry *entries = pathways_vocab_entries (f->spec->vocab, &n);

            strings = gtk_string_list_new (NULL);
            gtk_string_list_append (strings, _("Not recorded"));
            g_ptr_array_add (f->codes, NULL);
            for (guint j = 0; j < n; j++)
              {
                gtk_string_list_append (strings, pathways_vocab_label (f->spec->vocab, entries[j].code));
                g_ptr_array_add (f->codes, g_strdup (entries[j].code));
              }
            f->row = f->input = make_combo (f, strings);
          }
          break;

        case FIELD_REF:
          {
            GListModel *codes = g_str_equal (f->spec->ref_list, PATHWAYS_REF_ETHNIC) ? self->ethnic_codes
                                                                                      : self->place_codes;

            strings = gtk_string_list_new (NULL);
            gtk_string_list_append (strings, _("Not recorded"));
            g_ptr_array_add (f->codes, NULL);
            for (guint j = 0; codes != NULL && j < g_list_model_get_n_items (codes); j++)
              {
                g_autoptr(PathwaysRecord) code = g_list_model_get_item (codes, j);
                g_autofree char *text = NULL;
                const char *c = pathways_record_get_string (code, "code");

                /* The same code can have several rows over the years: show it once */
                if (j > 0 && g_strcmp0 (g_ptr_array_index (f->codes, f->codes->len - 1), c) == 0)
                  continue;
                /* Translators: a 903 code and its meaning: "K3 — Registered supported accommodation" */
                text = g_strdup_printf (_("%s — %s"), c, pathways_record_get_string (code, "meaning"));
                gtk_string_list_append (strings, text);
                g_ptr_array_add (f->codes, g_strdup (c));
              }
            f->row = f->input = make_combo (f, strings);
          }
          break;

        case FIELD_STAFF:
          {
            GListModel *staff = self->staff;

            strings = gtk_string_list_new (NULL);
            gtk_string_list_append (strings, _("No personal adviser"));
            g_ptr_array_add (f->codes, NULL);
            for (guint j = 0; staff != NULL && j < g_list_model_get_n_items (staff); j++)
              {
                g_autoptr(PathwaysRecord) s = g_list_model_get_item (staff, j);

                if (g_strcmp0 (pathways_record_get_string (s, "role"), "pa") != 0)
                  continue;
                gtk_string_list_append (strings, pathways_record_get_string (s, "name"));
                g_ptr_array_add (f->codes, g_strdup_printf ("%" G_GINT64_FORMAT, pathways_record_get_id (s)));
              }
            f->row = f->input = make_combo (f, strings);
          }
          break;

        case FIELD_BOOL:
          f->row = adw_action_row_new ();
          f->input = gtk_switch_new ();
          gtk_widget_set_valign (f->input, GTK_ALIGN_CENTER);
          adw_action_row_add_suffix (ADW_ACTION_ROW (f->row), f->input);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (f->row), f->input);
          /* Its own label, not the row's title again (libadwaita 1.2 adds the title as labelled-by) */
          gtk_accessible_reset_relation (GTK_ACCESSIBLE (f->input), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
          gtk_accessible_update_property (GTK_ACCESSIBLE (f->input), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
          break;

        default:
          g_assert_not_reached ();
        }

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (f->row), FALSE);
      if (f->spec->kind == FIELD_DATE)
        {
          /* Translators: a date field's title with the format to type it in */
          g_autofree char *title = g_strdup_printf (_("%s (DD/MM/YYYY)"), label);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (f->row), title);
        }
      else
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (f->row), label);
      if (is_typed_care_field (f->spec->name))
        {
          /* Translators: a profile field used only until there is a care history */
          g_autofree char *typed = g_strdup_printf (_("%s — a typed figure, check it"),
                                                    adw_preferences_row_get_title (ADW_PREFERENCES_ROW (f->row)));
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (f->row), typed);
        }

      /* The error goes next to the field it is about */
      f->error = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_wrap (f->error, TRUE);
      gtk_label_set_max_width_chars (f->error, 28);
      gtk_label_set_xalign (f->error, 1);
      gtk_widget_add_css_class (GTK_WIDGET (f->error), "error");
      gtk_widget_add_css_class (GTK_WIDGET (f->error), "caption");
      gtk_widget_set_valign (GTK_WIDGET (f->error), GTK_ALIGN_CENTER);
      gtk_widget_set_visible (GTK_WIDGET (f->error), FALSE);
      if (ADW_IS_ENTRY_ROW (f->row))
        adw_entry_row_add_suffix (ADW_ENTRY_ROW (f->row), GTK_WIDGET (f->error));
      else
        adw_action_row_add_suffix (ADW_ACTION_ROW (f->row), GTK_WIDGET (f->error));

      if (ADW_IS_ENTRY_ROW (f->row))
        g_signal_connect (f->row, "changed", G_CALLBACK (field_edited_cb), f);
      else if (ADW_IS_COMBO_ROW (f->row))
        g_signal_connect (f->row, "notify::selected", G_CALLBACK (field_selected_cb), f);
      else if (GTK_IS_SWITCH (f->input))
        g_signal_connect (f->input, "notify::active", G_CALLBACK (field_selected_cb), f);
      gtk_list_box_append (self->profile_list, f->row);
    }
}

/* Changes save as they are made: a role that may not change the record
 * is not offered fields it could type into and lose */
static void
set_fields_editable (PathwaysPersonPage *self)
{
  gboolean may_edit = self->context == NULL ||
                      pathways_role_may (pathways_context_get_role (self->context), PATHWAYS_MAY_EDIT_PEOPLE);

  /* Once there is a care history the figures come from it (shown, read
   * only, in the care-history section): the typed ones are not offered */
  gboolean has_history = pathways_care_history_section_get_n_episodes (self->care_history) > 0;

  for (guint i = 0; i < G_N_ELEMENTS (profile_fields); i++)
    if (self->fields[i].row != NULL)
      {
        gtk_widget_set_sensitive (self->fields[i].row, may_edit);
        if (is_typed_care_field (profile_fields[i].name))
          gtk_widget_set_visible (self->fields[i].row, !has_history);
      }
}

/* Fills the profile form from the record, but for the fields typed into
 * and not saved yet: a refresh never overwrites what someone is writing */
static void
fill_profile (PathwaysPersonPage *self)
{
  PathwaysRecord *person = PATHWAYS_RECORD (self->details->person);
  gboolean any_dirty = FALSE;

  build_profile (self);
  set_fields_editable (self);

  self->filling = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (profile_fields); i++)
    {
      ProfileField *f = &self->fields[i];
      const char *name = f->spec->name;

      if (f->dirty)
        {
          any_dirty = TRUE;
          continue;
        }

      switch (f->spec->kind)
        {
        case FIELD_TEXT:
          {
            const char *text = pathways_record_get_string (person, name);
            gtk_editable_set_text (GTK_EDITABLE (f->input), text ? text : "");
          }
          break;

        case FIELD_DATE:
          {
            const char *iso = pathways_record_get_string (person, name);
            g_autofree char *uk = iso ? pathways_date_format_uk (iso) : g_strdup ("");
            gtk_editable_set_text (GTK_EDITABLE (f->input), uk);
          }
          break;

        case FIELD_VOCAB:
        case FIELD_REF:
        case FIELD_STAFF:
          {
            g_autofree char *value = NULL;
            guint pos = 0;

            if (f->spec->kind == FIELD_STAFF)
              {
                gint64 id = pathways_record_get_int (person, name);
                value = id ? g_strdup_printf ("%" G_GINT64_FORMAT, id) : NULL;
              }
            else
              value = g_strdup (pathways_record_get_string (person, name));
            for (guint j = 1; value != NULL && j < f->codes->len; j++)
              if (g_strcmp0 (g_ptr_array_index (f->codes, j), value) == 0)
                pos = j;
            adw_combo_row_set_selected (ADW_COMBO_ROW (f->input), pos);
          }
          break;

        case FIELD_BOOL:
          gtk_switch_set_active (GTK_SWITCH (f->input), pathways_record_get_bool (person, name));
          break;

        default:
          g_assert_not_reached ();
        }
      set_field_error (f, NULL);
    }
  self->filling = FALSE;
  if (!any_dirty)
    gtk_label_set_label (self->profile_error_label, "");
}

/* Saved: what the form shows is the record now, but for what was typed
 * after edit @gen (while the save was being written) */
static void
profile_saved_upto (PathwaysPersonPage *self,
                    guint               gen)
{
  gboolean any_dirty = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (profile_fields); i++)
    {
      if (self->fields[i].gen <= gen)
        self->fields[i].dirty = FALSE;
      any_dirty |= self->fields[i].dirty;
    }
  if (self->wishes_gen <= gen)
    self->wishes_dirty = FALSE;
  if (!any_dirty)
    g_clear_object (&self->edit_base);
}

/* Another young person: nothing typed is theirs */
static void
profile_saved (PathwaysPersonPage *self)
{
  profile_saved_upto (self, G_MAXUINT);
  g_clear_object (&self->latest);
  g_clear_handle_id (&self->autosave_id, g_source_remove);
}

static gboolean
profile_dirty (PathwaysPersonPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (profile_fields); i++)
    if (self->fields[i].dirty)
      return TRUE;
  return FALSE;
}

/* The young person as the store has them now, as far as the page knows:
 * the record loaded, or the one saved since if that is newer */
static PathwaysRecord *
newest_person (PathwaysPersonPage *self)
{
  PathwaysRecord *loaded = self->details ? PATHWAYS_RECORD (self->details->person) : NULL;

  if (self->latest != NULL &&
      (loaded == NULL || pathways_record_get_version (self->latest) > pathways_record_get_version (loaded)))
    return self->latest;
  return loaded;
}

/* Reads the form into @record; FALSE (with the errors shown) when a
 * typed value cannot be read at all */
static gboolean
read_profile (PathwaysPersonPage *self,
              PathwaysRecord     *record)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (profile_fields); i++)
    {
      ProfileField *f = &self->fields[i];
      const char *name = f->spec->name;

      switch (f->spec->kind)
        {
        case FIELD_TEXT:
          {
            g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (f->input))));
            pathways_record_set_string (record, name, *text != '\0' ? text : NULL);
          }
          break;

        case FIELD_DATE:
          {
            g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (f->input))));
            g_autofree char *iso = NULL;

            if (*text == '\0')
              pathways_record_set_string (record, name, NULL);
            else if (pathways_date_parse_user (text, &iso))
              pathways_record_set_string (record, name, iso);
            else
              {
                set_field_error (f, _("Enter a date as DD/MM/YYYY"));
                ok = FALSE;
              }
          }
          break;

        case FIELD_VOCAB:
        case FIELD_REF:
          {
            guint pos = adw_combo_row_get_selected (ADW_COMBO_ROW (f->input));
            pathways_record_set_string (record, name,
                                        pos < f->codes->len ? g_ptr_array_index (f->codes, pos) : NULL);
          }
          break;

        case FIELD_STAFF:
          {
            guint pos = adw_combo_row_get_selected (ADW_COMBO_ROW (f->input));
            const char *id = pos < f->codes->len ? g_ptr_array_index (f->codes, pos) : NULL;
            pathways_record_set_int (record, name, id ? g_ascii_strtoll (id, NULL, 10) : 0);
          }
          break;

        case FIELD_BOOL:
          pathways_record_set_bool (record, name, gtk_switch_get_active (GTK_SWITCH (f->input)));
          break;

        default:
          g_assert_not_reached ();
        }
    }
  return ok;
}

/* Filling the page -------------------------------------------------- */

static void
draw_swatch_cb (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        data)
{
  pathways_timeline_legend_swatch (cr, GPOINTER_TO_UINT (data),
                                   adw_style_manager_get_dark (adw_style_manager_get_default ()),
                                   0, 0, width, height);
}

static void
add_legend_item (PathwaysPersonPage *self,
                 guint               item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *swatch = gtk_drawing_area_new ();
  GtkWidget *label = gtk_label_new (pathways_timeline_legend_label (item));

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 14);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 14);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch_cb, GUINT_TO_POINTER (item), NULL);
  gtk_accessible_update_state (GTK_ACCESSIBLE (swatch), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), swatch);
  gtk_box_append (GTK_BOX (box), label);
  gtk_flow_box_append (self->strip_legend, box);
  /* Read, not a Tab stop */
  gtk_widget_set_focusable (gtk_widget_get_parent (box), FALSE);
}

/* The legend: the kinds the strip draws, planned ones, and Today */
static void
fill_strip_legend (PathwaysPersonPage *self)
{
  guint kinds = pathways_spell_strip_get_kinds (self->strip);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->strip_legend))) != NULL)
    gtk_flow_box_remove (self->strip_legend, child);
  for (guint k = 0; k < PATHWAYS_TIMELINE_N_KINDS; k++)
    if (kinds & (1u << k))
      add_legend_item (self, k);
  if (pathways_spell_strip_has_planned (self->strip))
    add_legend_item (self, PATHWAYS_TIMELINE_LEGEND_PLANNED);
  if (kinds != 0)
    add_legend_item (self, PATHWAYS_TIMELINE_LEGEND_TODAY);
  gtk_widget_set_visible (GTK_WIDGET (self->strip_legend), kinds != 0);
}

static void
fill_header (PathwaysPersonPage *self)
{
  PathwaysPersonDetails *d = self->details;
  PathwaysRecord *person = PATHWAYS_RECORD (d->person);
  g_autofree char *subtitle = NULL;
  g_autofree char *dob = pathways_date_format_uk (pathways_record_get_string (person, "date-of-birth"));

  gtk_label_set_label (self->name_label, d->display_name);
  gtk_label_set_label (self->status_pill, d->status_label);
  /* Translators: "Age 17 · born 14/05/2009 · LC0001 · Supported accommodation" */
  subtitle = g_strdup_printf (_("Age %d · born %s · %s · %s"), d->age, dob,
                              pathways_record_get_string (person, "local-id"), pathways_stage_label (d->stage));
  gtk_label_set_label (self->subtitle_label, subtitle);
}

static void
fill_status (PathwaysPersonPage *self)
{
  PathwaysPersonDetails *d = self->details;
  GtkWidget *row, *past;
  guint n_past = 0;

  clear_container (GTK_WIDGET (self->status_list));

  row = text_row (d->status_label, d->status_explanation);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_append (self->status_list, row);

  /* Dates still to come, then the ones gone by, folded away */
  past = adw_expander_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (past), _("Earlier Dates"));
  pathways_expander_row_name (ADW_EXPANDER_ROW (past));
  for (guint i = 0; i < d->key_dates->len; i++)
    {
      const PathwaysKeyDate *k = g_ptr_array_index (d->key_dates, i);
      g_autofree char *uk = pathways_date_format_uk (k->date);
      GtkWidget *label;

      row = text_row (k->label, NULL);
      label = suffix_label (row, uk);
      if (strcmp (k->date, d->on) < 0)
        {
          gtk_widget_add_css_class (label, "dim-label");
          adw_expander_row_add_row (ADW_EXPANDER_ROW (past), row);
          n_past++;
        }
      else
        gtk_list_box_append (self->status_list, row);
    }
  if (n_past > 0)
    gtk_list_box_append (self->status_list, past);
  else
    g_object_ref_sink (past), g_object_unref (past);
}

static gboolean
alert_wants_move (const char *kind)
{
  static const char *const kinds[] = {
    PATHWAYS_ALERT_CLIFF_EDGE, PATHWAYS_ALERT_GAP, PATHWAYS_ALERT_EMERGENCY, PATHWAYS_ALERT_UNSUITABLE,
    PATHWAYS_ALERT_UNREGISTERED, PATHWAYS_ALERT_UNREGULATED_UNDER16, PATHWAYS_ALERT_STAYING_PUT_ENDING, NULL
  };

  return kind != NULL && g_strv_contains (kinds, kind);
}

static void
fill_alerts (PathwaysPersonPage *self)
{
  GListModel *alerts = self->details->alerts;
  guint n = g_list_model_get_n_items (alerts);

  clear_container (GTK_WIDGET (self->alerts_list));
  if (n == 0)
    {
      GtkWidget *row = text_row (_("No alerts"), NULL);
      GtkWidget *image = gtk_image_new_from_icon_name ("object-select-symbolic");

      gtk_widget_add_css_class (image, "success");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);
      gtk_list_box_append (self->alerts_list, row);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PathwaysRecord) a = g_list_model_get_item (alerts, i);
      PathwaysSeverity severity = (PathwaysSeverity) pathways_record_get_int (a, "severity");
      const char *kind = pathways_record_get_string (a, "kind");
      const char *due = pathways_record_get_string (a, "due-date");
      g_autofree char *subtitle = NULL;
      GtkWidget *row;
      GtkWidget *image;

      if (due != NULL)
        {
          g_autofree char *uk = pathways_date_format_uk (due);
          /* Translators: an alert's priority and date: "High priority · due 01/02/2027" */
          subtitle = g_strdup_printf (_("%s · due %s"), pathways_record_get_string (a, "severity-label"), uk);
        }
      else
        subtitle = g_strdup (pathways_record_get_string (a, "severity-label"));

      row = text_row (pathways_record_get_string (a, "reason"), subtitle);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      image = gtk_image_new_from_icon_name (severity == PATHWAYS_SEVERITY_HIGH ? "dialog-error-symbolic"
                                            : severity == PATHWAYS_SEVERITY_MEDIUM ? "dialog-warning-symbolic"
                                            : "dialog-information-symbolic");
      gtk_widget_add_css_class (image, severity == PATHWAYS_SEVERITY_HIGH ? "error"
                                : severity == PATHWAYS_SEVERITY_MEDIUM ? "warning" : "dim-label");
      gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      pathways_record_get_string (a, "severity-label"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);

      if (alert_wants_move (kind))
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), action_button (_("Schedule Move…"), "person.schedule-move", NULL));
      else if (g_strcmp0 (kind, PATHWAYS_ALERT_CONTACT) == 0)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), action_button (_("Record Contact…"), "person.record-contact", NULL));
      else if (g_strcmp0 (kind, PATHWAYS_ALERT_MILESTONE) == 0)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), action_button (_("Show Milestones"), "person.show-milestones", NULL));
      gtk_list_box_append (self->alerts_list, row);
    }
}

static const char *
place_name (PathwaysPersonDetails *d,
            gint64                 unit_id,
            const char            *address)
{
  PathwaysUnit *unit = unit_id ? pathways_person_details_get_unit (d, unit_id) : NULL;

  if (unit != NULL)
    return pathways_record_get_string (PATHWAYS_RECORD (unit), "name");
  if (address != NULL)
    return address;
  return _("Accommodation not in the register");
}

static void
fill_accommodation (PathwaysPersonPage *self)
{
  PathwaysPersonDetails *d = self->details;
  guint n_moves = g_list_model_get_n_items (d->moves);
  guint n = g_list_model_get_n_items (d->spells);

  pathways_spell_strip_set_details (self->strip, d);
  fill_strip_legend (self);

  clear_container (GTK_WIDGET (self->moves_list));
  gtk_widget_set_visible (GTK_WIDGET (self->moves_list), n_moves > 0);
  for (guint i = 0; i < n_moves; i++)
    {
      g_autoptr(PathwaysRecord) m = g_list_model_get_item (d->moves, i);
      gint64 id = pathways_record_get_id (m);
      const char *name = place_name (d, pathways_record_get_int (m, "to-unit-id"),
                                     pathways_record_get_string (m, "to-address"));
      g_autofree char *uk = pathways_date_format_uk (pathways_record_get_string (m, "planned-date"));
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      const char *accepted = pathways_record_get_string (m, "accepted-warnings");
      GtkWidget *row, *box, *image;

      /* Translators: "Move to Rowan House on 01/02/2027" */
      title = g_strdup_printf (_("Move to %s on %s"), name, uk);
      if (accepted != NULL)
        /* Translators: %s is the reason given for going ahead despite warnings */
        subtitle = g_strdup_printf (_("Confirmed. Warnings accepted: %s"), accepted);
      else
        subtitle = g_strdup (pathways_vocab_label (PATHWAYS_VOCAB_TRANSITION_STATE,
                                                   pathways_record_get_string (m, "state")));
      row = text_row (title, subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      image = gtk_image_new_from_icon_name ("mail-send-receive-symbolic");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);

      /* Side by side, or one over the other in a narrow window */
      box = pathways_wrap_box_new ();
      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
      pathways_wrap_box_append (PATHWAYS_WRAP_BOX (box),
                                action_button (_("_Mark as Moved"), "person.mark-moved", g_variant_new_int64 (id)));
      {
        GtkWidget *cancel = action_button (_("_Cancel Move"), "person.cancel-move", g_variant_new_int64 (id));
        gtk_widget_add_css_class (cancel, "destructive-action");
        pathways_wrap_box_append (PATHWAYS_WRAP_BOX (box), cancel);
      }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
      gtk_list_box_append (self->moves_list, row);
    }

  clear_container (GTK_WIDGET (self->spells_list));
  self->n_spell_rows = n;
  if (n == 0)
    gtk_list_box_append (self->spells_list, text_row (_("No accommodation recorded yet"), NULL));

  /* Newest first */
  for (guint i = n; i-- > 0;)
    {
      g_autoptr(PathwaysRecord) s = g_list_model_get_item (d->spells, i);
      gint64 unit_id = pathways_record_get_int (s, "unit-id");
      PathwaysUnit *unit = unit_id ? pathways_person_details_get_unit (d, unit_id) : NULL;
      const char *state = pathways_record_get_string (s, "state");
      const char *start = pathways_record_get_string (s, "start-date");
      const char *end = pathways_record_get_string (s, "actual-end");
      const char *kind_label;
      g_autofree char *uk_start = pathways_date_format_uk (start);
      g_autofree char *dates = NULL;
      g_autofree char *cost = pathways_money_format (pathways_record_get_int (s, "weekly-cost"));
      g_autofree char *subtitle = NULL;
      GtkWidget *row, *pill;

      if (end == NULL)
        end = pathways_record_get_string (s, "planned-end");
      if (end != NULL)
        {
          g_autofree char *uk_end = pathways_date_format_uk (end);
          /* Translators: a span of dates, "01/02/2025 to 03/04/2026" */
          dates = g_strdup_printf (_("%s to %s"), uk_start, uk_end);
        }
      else
        /* Translators: an open span of dates, "from 01/02/2025" */
        dates = g_strdup_printf (_("from %s"), uk_start);

      kind_label = unit ? pathways_vocab_label (PATHWAYS_VOCAB_UNIT_KIND,
                                                pathways_record_get_string (PATHWAYS_RECORD (unit), "kind"))
                        : _("Not in the register");
      /* Translators: kind, dates, suitability and weekly cost of a spell of accommodation:
       * "Foyer · 01/02/2025 to 03/04/2026 · Suitable · £180.00 a week" */
      subtitle = g_strdup_printf (_("%s · %s · %s · %s a week"), kind_label, dates,
                                  pathways_record_get_bool (s, "accom-suitable") ? _("Suitable") : _("Not suitable"),
                                  cost);
      row = text_row (place_name (d, unit_id, pathways_record_get_string (s, "address")), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

      pill = gtk_label_new (pathways_vocab_label (PATHWAYS_VOCAB_SPELL_STATE, state));
      gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (pill, "spell-state");
      gtk_widget_add_css_class (pill, state);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill);
      {
        /* Translators: a spell of accommodation for a screen reader: place and dates,
         * "In-house foster placement, 01/02/2025 to 03/04/2026" */
        g_autofree char *a11y = g_strdup_printf (_("%1$s, %2$s"),
                                                 place_name (d, unit_id, pathways_record_get_string (s, "address")),
                                                 dates);

        gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
        /* That label alone: libadwaita 1.2 labels an action row by its title as well */
        gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      }
      gtk_list_box_append (self->spells_list, row);
    }
}

static void
done_date_activated_cb (GtkEntry           *entry,
                        PathwaysPersonPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (entry), "milestone-id"));
  g_autofree char *iso = pathways_date_entry_read (GTK_EDITABLE (entry));

  if (iso == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "person.set-milestone-date", "(xs)", id, iso);
}

static void
milestone_toggled_cb (GtkCheckButton     *check,
                      PathwaysPersonPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "milestone-id"));

  gtk_widget_activate_action (GTK_WIDGET (self), "person.toggle-milestone", "x", id);
}

static void
fill_milestones (PathwaysPersonPage *self)
{
  PathwaysPersonDetails *d = self->details;
  guint n = g_list_model_get_n_items (d->milestones);
  const char *category = NULL;
  GtkListBox *list = NULL;

  if (d->readiness >= 0)
    {
      /* Translators: readiness for independence, a percentage */
      g_autofree char *text = g_strdup_printf (_("Readiness %d%%"), d->readiness);
      gtk_label_set_label (self->readiness_label, text);
    }
  else
    gtk_label_set_label (self->readiness_label, _("No milestones yet"));
  gtk_level_bar_add_offset_value (self->readiness_bar, GTK_LEVEL_BAR_OFFSET_LOW, MAX (1, d->readiness_threshold - 1));
  gtk_level_bar_add_offset_value (self->readiness_bar, GTK_LEVEL_BAR_OFFSET_HIGH, 99);
  gtk_level_bar_add_offset_value (self->readiness_bar, GTK_LEVEL_BAR_OFFSET_FULL, 100);
  gtk_level_bar_set_value (self->readiness_bar, MAX (0, d->readiness));
  {
    /* Translators: for screen readers: "Readiness 45%, 70% agreed for moving on" */
    g_autofree char *a11y = g_strdup_printf (_("Readiness %d%%, %d%% agreed for moving on"),
                                             MAX (0, d->readiness), d->readiness_threshold);
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->readiness_bar), a11y);
  }

  clear_container (GTK_WIDGET (self->milestones_box));
  self->n_milestone_rows = n;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PathwaysRecord) m = g_list_model_get_item (d->milestones, i);
      const char *cat = pathways_record_get_string (m, "category");
      const char *due = pathways_record_get_string (m, "due-date");
      const char *done = pathways_record_get_string (m, "done-date");
      gint64 id = pathways_record_get_id (m);
      g_autofree char *subtitle = NULL;
      GtkWidget *row, *check;

      if (list == NULL || g_strcmp0 (cat, category) != 0)
        {
          GtkWidget *heading = gtk_label_new (pathways_vocab_label (PATHWAYS_VOCAB_MILESTONE_CATEGORY, cat));

          gtk_label_set_xalign (GTK_LABEL (heading), 0);
          gtk_widget_add_css_class (heading, "caption-heading");
          gtk_widget_add_css_class (heading, "dim-label");
          gtk_widget_set_margin_top (heading, 6);
          gtk_box_append (self->milestones_box, heading);
          list = GTK_LIST_BOX (gtk_list_box_new ());
          gtk_list_box_set_selection_mode (list, GTK_SELECTION_NONE);
          gtk_widget_add_css_class (GTK_WIDGET (list), "boxed-list");
          gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          pathways_vocab_label (PATHWAYS_VOCAB_MILESTONE_CATEGORY, cat), -1);
          gtk_box_append (self->milestones_box, GTK_WIDGET (list));
          category = cat;
        }

      if (done == NULL && due != NULL)
        {
          g_autofree char *uk = pathways_date_format_uk (due);
          if (pathways_milestone_is_overdue (m, d->on))
            /* Translators: a milestone past its due date */
            subtitle = g_strdup_printf (_("Overdue: due %s"), uk);
          else
            subtitle = g_strdup_printf (_("Due %s"), uk);
        }
      row = text_row (pathways_record_get_string (m, "name"), subtitle);
      if (pathways_milestone_is_overdue (m, d->on))
        gtk_widget_add_css_class (row, "overdue");

      check = gtk_check_button_new ();
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), done != NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      pathways_record_get_string (m, "name"), -1);
      g_object_set_data (G_OBJECT (check), "milestone-id", GSIZE_TO_POINTER ((gsize) id));
      g_signal_connect_object (check, "toggled", G_CALLBACK (milestone_toggled_cb), self, 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      /* Its own label, not the row's title again (libadwaita 1.2 adds the title as labelled-by) */
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_RELATION_LABELLED_BY);

      if (done != NULL)
        {
          g_autofree char *uk = pathways_date_format_uk (done);
          GtkWidget *label = gtk_label_new (_("Done on"));
          GtkWidget *entry = gtk_entry_new ();
          g_autofree char *a11y = NULL;

          gtk_widget_add_css_class (label, "dim-label");
          gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
          gtk_editable_set_text (GTK_EDITABLE (entry), uk);
          gtk_editable_set_width_chars (GTK_EDITABLE (entry), 10);
          gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (entry, _("Type another date and press Enter to change it"));
          /* Translators: accessible name of the date field of a milestone */
          a11y = g_strdup_printf (_("Date “%s” was done"), pathways_record_get_string (m, "name"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
          g_object_set_data (G_OBJECT (entry), "milestone-id", GSIZE_TO_POINTER ((gsize) id));
          g_signal_connect_object (entry, "activate", G_CALLBACK (done_date_activated_cb), self, 0);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
        }
      gtk_list_box_append (list, row);
    }
  if (n == 0)
    {
      list = GTK_LIST_BOX (gtk_list_box_new ());
      gtk_list_box_set_selection_mode (list, GTK_SELECTION_NONE);
      gtk_widget_add_css_class (GTK_WIDGET (list), "boxed-list");
      gtk_list_box_append (list, text_row (_("No milestones yet"), NULL));
      gtk_box_append (self->milestones_box, GTK_WIDGET (list));
    }
}

static void
fill_notes (PathwaysPersonPage *self)
{
  PathwaysPersonDetails *d = self->details;
  const char *wishes = pathways_record_get_string (PATHWAYS_RECORD (d->person), "wishes-feelings");
  guint n = g_list_model_get_n_items (d->notes);

  /* What is being written is never overwritten by a refresh */
  if (!self->wishes_dirty)
    {
      self->filling = TRUE;
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->wishes_view), wishes ? wishes : "", -1);
      self->filling = FALSE;
    }

  clear_container (GTK_WIDGET (self->notes_list));
  gtk_widget_set_visible (GTK_WIDGET (self->notes_list), n > 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PathwaysRecord) note = g_list_model_get_item (d->notes, i);
      const char *author = pathways_record_get_string (note, "author");
      g_autofree char *uk = pathways_date_format_uk (pathways_record_get_string (note, "written-on"));
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (author != NULL)
        /* Translators: when a note was written and by whom: "01/02/2026, Alison Bennett" */
        subtitle = g_strdup_printf (_("%s, %s"), uk, author);
      else
        subtitle = g_strdup (uk);
      row = text_row (pathways_record_get_string (note, "body"), subtitle);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_list_box_append (self->notes_list, row);
    }
}

static void
fill (PathwaysPersonPage *self)
{
  fill_header (self);
  fill_status (self);
  fill_alerts (self);
  fill_accommodation (self);
  fill_milestones (self);
  fill_notes (self);
  fill_profile (self);
  pathways_erase_section_set_person (self->erase_section, self->context, self->details->person);
  pathways_history_list_show (self->history_list, get_store (self), "young_person", self->person_id);
  /* Issue #12: the care history and a closed case, each its own widget */
  pathways_care_history_section_set_person (self->care_history, self->context, self->person_id);
  pathways_archived_banner_set_person (self->archived_banner, self->context, self->details->person);
  pathways_support_section_set_person (self->support_section, self->context, self->person_id);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.close-case",
                                 pathways_role_may (pathways_context_get_role (self->context), PATHWAYS_MAY_EDIT_PEOPLE) &&
                                 pathways_young_person_get_closed_on (self->details->person) == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.print", TRUE);
}

/* Loading ---------------------------------------------------------- */

typedef struct {
  gint64                 person_id;
  char                  *on;
  PathwaysPersonDetails *details;
  GListModel            *staff;
  GListModel            *ethnic_codes;
  GListModel            *place_codes;
} Loaded;

static void
loaded_free (gpointer data)
{
  Loaded *l = data;

  g_free (l->on);
  g_clear_pointer (&l->details, pathways_person_details_free);
  g_clear_object (&l->staff);
  g_clear_object (&l->ethnic_codes);
  g_clear_object (&l->place_codes);
  g_free (l);
}

/* The young person, and the choices of the profile form */
static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  PathwaysStore *store = source_object;
  Loaded *l = task_data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if ((l->details = pathways_person_load (store, l->person_id, l->on, &error)) == NULL ||
      (l->staff = pathways_store_list (store, PATHWAYS_TYPE_STAFF, &error)) == NULL ||
      (l->ethnic_codes = pathways_store_list_ref_codes (store, PATHWAYS_REF_ETHNIC, NULL, &error)) == NULL ||
      (l->place_codes = pathways_store_list_ref_codes (store, PATHWAYS_REF_PLACE, NULL, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PathwaysPersonPage) self = user_data;
  g_autoptr(GError) error = NULL;
  Loaded *l = g_task_get_task_data (G_TASK (result));
  GtkAdjustment *vadjustment;
  double scrolled;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_loading (self, FALSE);
      gtk_spinner_set_spinning (self->spinner, FALSE);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  /* A refresh stays where the page was scrolled to */
  vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  scrolled = gtk_adjustment_get_value (vadjustment);

  g_clear_pointer (&self->details, pathways_person_details_free);
  self->details = g_steal_pointer (&l->details);
  g_set_object (&self->staff, l->staff);
  g_set_object (&self->ethnic_codes, l->ethnic_codes);
  g_set_object (&self->place_codes, l->place_codes);
  fill (self);
  gtk_stack_set_visible_child_name (self->stack, "person");
  gtk_adjustment_set_value (vadjustment, scrolled);
  gtk_spinner_set_spinning (self->spinner, FALSE);
  g_object_notify (G_OBJECT (self), "title");
  set_loading (self, FALSE);
}

static void
reload (PathwaysPersonPage *self)
{
  PathwaysStore *store = get_store (self);
  g_autoptr(GTask) task = NULL;
  Loaded *l;

  if (store == NULL || self->person_id == 0)
    return;

  /* A load under way is superseded by this one */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_loading (self, TRUE);

  l = g_new0 (Loaded, 1);
  l->person_id = self->person_id;
  l->on = dup_today (self);
  task = g_task_new (store, self->cancellable, loaded_cb, g_object_ref (self));
  g_task_set_source_tag (task, reload);
  g_task_set_task_data (task, l, loaded_free);
  g_task_run_in_thread (task, load_thread);
}

/* Whether @changes touch what the page shows: the young person's own
 * rows, the units they lived in or are to move to (someone else booked
 * in makes an alert), the settings the rules read */
static gboolean
concerns_page (PathwaysPersonPage *self,
               PathwaysChanges    *changes)
{
  GHashTableIter iter;
  gpointer key;

  if (pathways_changes_has_person (changes, self->person_id) ||
      pathways_changes_has_table (changes, "setting") ||
      pathways_changes_has_table (changes, "bank_holiday") ||
      pathways_changes_has_table (changes, "staff"))
    return TRUE;
  if (self->details == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, self->details->units);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (pathways_changes_has_unit (changes, *(gint64 *) key))
      return TRUE;
  return FALSE;
}

/* PathwaysPage */

static void
pathways_person_page_load (PathwaysPage  *page,
                           PathwaysStore *store)
{
  PathwaysPersonPage *self = PATHWAYS_PERSON_PAGE (page);

  if (self->person_id != 0)
    {
      pathways_destination_list_set_person (self->destination_list, store, self->person_id);
      reload (self);
    }
}

static void
pathways_person_page_changed (PathwaysPage    *page,
                              PathwaysChanges *changes)
{
  PathwaysPersonPage *self = PATHWAYS_PERSON_PAGE (page);

  if (self->person_id == 0)
    return;
  if (concerns_page (self, changes))
    reload (self);
  /* Any booking or unit can change where they could go */
  if (pathways_changes_has_type (changes, PATHWAYS_TYPE_UNIT) ||
      pathways_changes_has_type (changes, PATHWAYS_TYPE_SPELL) ||
      pathways_changes_has_type (changes, PATHWAYS_TYPE_TRANSITION) ||
      pathways_changes_has_person (changes, self->person_id))
    pathways_destination_list_reload (self->destination_list);
}

static const char *
pathways_person_page_get_title (PathwaysPage *page)
{
  PathwaysPersonPage *self = PATHWAYS_PERSON_PAGE (page);

  return self->details ? self->details->display_name : _("Young Person");
}

static const char *
pathways_person_page_get_icon_name (PathwaysPage *page)
{
  return "avatar-default-symbolic";
}

static void
pathways_person_page_page_init (PathwaysPageInterface *iface)
{
  iface->load = pathways_person_page_load;
  iface->changed = pathways_person_page_changed;
  iface->get_title = pathways_person_page_get_title;
  iface->get_icon_name = pathways_person_page_get_icon_name;
}

/* Actions ---------------------------------------------------------- */

typedef enum {
  DONE_PLAIN,
  DONE_MILESTONE_ADDED,
  DONE_NOTE_ADDED,
  DONE_PROFILE,
} DoneKind;

typedef struct {
  PathwaysPersonPage *self;
  GApplication       *application;  /* held until it is written, so that quitting waits */
  const char         *message;  /* a translated literal */
  DoneKind            kind;
  PathwaysRecord     *record;   /* what was saved, for the field an error is about */
  guint               gen;      /* DONE_PROFILE: the edits it holds */
} Pending;

static Pending *
pending_new (PathwaysPersonPage *self,
             const char         *message,
             DoneKind            kind,
             PathwaysRecord     *record)
{
  Pending *p = g_new0 (Pending, 1);

  p->self = g_object_ref (self);
  p->message = message;
  p->kind = kind;
  p->record = record ? g_object_ref (record) : NULL;
  if (GTK_IS_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))))
    p->application = (GApplication *) gtk_window_get_application (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  if (p->application != NULL)
    g_application_hold (g_object_ref (p->application));
  set_busy (self, TRUE);
  return p;
}

static void
pending_free (Pending *p)
{
  set_busy (p->self, FALSE);
  if (p->application != NULL)
    {
      g_application_release (p->application);
      g_object_unref (p->application);
    }
  g_clear_object (&p->record);
  g_object_unref (p->self);
  g_free (p);
}

static void
profile_failed (PathwaysPersonPage *self,
                PathwaysRecord     *record,
                const GError       *error)
{
  const char *field = pathways_person_field_for_error (record, error);
  ProfileField *f = field ? find_field (self, field) : NULL;

  if (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONFLICT))
    {
      gtk_label_set_label (self->profile_error_label,
                           _("Nothing was saved: someone else changed this record. Your edits are still here."));
      show_conflict (self, error);
    }
  else if (f != NULL)
    {
      set_field_error (f, error->message);
      gtk_label_set_label (self->profile_error_label, _("Nothing was saved: correct the field marked in red."));
      gtk_widget_grab_focus (f->row);
    }
  else
    {
      /* Translators: %s is the reason a profile could not be saved */
      g_autofree char *text = g_strdup_printf (_("Nothing was saved: %s"), error->message);
      gtk_label_set_label (self->profile_error_label, text);
    }
}

/* An action of the page has been written in its worker thread (or not) */
static void
action_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Pending *p = user_data;
  PathwaysPersonPage *self = p->self;
  g_autoptr(PathwaysChangeSet) undo = NULL;
  g_autoptr(GError) error = NULL;

  g_autoptr(PathwaysRecord) saved = NULL;

  pathways_planner_action_finish (PATHWAYS_STORE (source), result, &saved, &undo, &error);
  if (self->context == NULL)
    {
      /* Written after the window closed: nothing is left to show it on */
      pending_free (p);
      return;
    }
  if (error != NULL)
    {
      if (p->kind == DONE_PROFILE)
        profile_failed (self, p->record, error);
      else if (p->kind == DONE_MILESTONE_ADDED)
        gtk_label_set_label (self->milestone_error_label, error->message);
      else
        show_error (self, error);
      pending_free (p);
      return;
    }

  switch (p->kind)
    {
    case DONE_MILESTONE_ADDED:
      gtk_label_set_label (self->milestone_error_label, "");
      gtk_widget_remove_css_class (GTK_WIDGET (self->milestone_due_row), "error");
      gtk_editable_set_text (GTK_EDITABLE (self->milestone_name_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->milestone_due_row), "");
      adw_expander_row_set_expanded (self->add_milestone_row, FALSE);
      break;
    case DONE_NOTE_ADDED:
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), "", -1);
      break;
    case DONE_PROFILE:
      profile_saved_upto (self, p->gen);
      if (PATHWAYS_IS_YOUNG_PERSON (saved) && pathways_record_get_id (saved) == self->person_id)
        {
          g_set_object (&self->latest, saved);
          /* Typed while it was being written: the next save goes over this one */
          if (self->edit_base != NULL)
            g_set_object (&self->edit_base, pathways_record_copy (saved));
        }
      gtk_label_set_label (self->profile_error_label, "");
      break;
    case DONE_PLAIN:
    default:
      break;
    }
  written (self, p->message, undo);
  pending_free (p);
}

/* Saves @record (a copy) as one recorded action, in a worker thread */
static void
save_record (PathwaysPersonPage *self,
             PathwaysRecord     *record,
             const char         *message,
             DoneKind            kind)
{
  PathwaysStore *store = get_store (self);

  if (store == NULL)
    return;
  pathways_planner_save_async (store, record, NULL, action_done_cb, pending_new (self, message, kind, record));
}

static void
move_scheduled_cb (PathwaysMoveDialog *dialog,
                   PathwaysChangeSet  *undo,
                   gint64              transition_id,
                   PathwaysPersonPage *self)
{
  written (self, _("Move scheduled and the unit reserved"), undo);
}

/* The scheduling dialog, optionally with a unit and date already chosen */
static void
open_move_dialog (PathwaysPersonPage *self,
                  gint64              unit_id,
                  const char         *date)
{
  PathwaysMoveDialog *dialog;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->details == NULL)
    return;
  dialog = pathways_move_dialog_new (self->context, self->person_id, self->details->display_name);
  /* The move is for the day the need arises (their accommodation ends:
   * an 18th birthday, Staying Put at 21), when that is still to come */
  if (date == NULL && self->details->need_date != NULL && g_strcmp0 (self->details->need_date, self->details->on) > 0)
    date = self->details->need_date;
  if (date != NULL)
    pathways_move_dialog_set_date (dialog, date);
  if (unit_id != 0)
    pathways_move_dialog_select_unit (dialog, unit_id);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_signal_connect_object (dialog, "scheduled", G_CALLBACK (move_scheduled_cb), self, 0);
  g_weak_ref_set (&self->move_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
schedule_move_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  open_move_dialog (PATHWAYS_PERSON_PAGE (widget), 0, NULL);
}

/* "Schedule" on a unit in "Where could they go?" */
static void
destination_schedule_cb (PathwaysPersonPage *self,
                         gint64              unit_id,
                         const char         *date)
{
  open_move_dialog (self, unit_id, date);
}

static void
mark_moved_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PathwaysPersonPage *self = PATHWAYS_PERSON_PAGE (widget);

  if (get_store (self) == NULL)
    return;
  pathways_planner_mark_moved_async (get_store (self), g_variant_get_int64 (parameter), NULL, NULL, action_done_cb,
                                     pending_new (self, _("Marked as moved"), DONE_PLAIN, NULL));
}

static void
cancel_move_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PathwaysPersonPage *self = PATHWAYS_PERSON_PAGE (widget);

  if (get_store (self) == NULL)
    return;
  pathways_planner_cancel_move_async (get_store (self), g_variant_get_int64 (parameter), NULL, action_done_cb,
                                      pending_new (self, _("Move cancelled and the unit released"), DONE_PLAIN,
                                                   NULL));
}

static PathwaysRecord *
find_milestone (PathwaysPersonPage *self,
                gint64              id)
{
  for (guint i = 0; self->details && i < g_list_model_get_n_items (self->details->milestones); i++)
    {
      g_autoptr(PathwaysRecord) m = g_list_model_get_item (self->details->milestones, i);
      if (pathways_record_get_id (m) == id)
        return g_steal_pointer (&m);
    }
  return NULL;
}

static void
toggle_milestone_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  PathwaysPersonPage *self = PATHWAYS_PERSON_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(PathwaysRecord) m = find_milestone (self, id);
  g_autofree char *today = NULL;
  gboolean done;

  if (m == NULL || get_store (self) == NULL)
    return;
  done = pathways_milestone_get_done_date (PATHWAYS_MILESTONE (m)) != NULL;
  today = dup_today (self);
  pathways_planner_set_milestone_done_async (get_store (self), id, done ? NULL : today, NULL, action_done_cb,
                                             pending_new (self, done ? _("Milestone marked as not done")
                                                                     : _("Milestone done today"),
                                                          DONE_PLAIN, NULL));
}

static void
set_milestone_date_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  PathwaysPersonPage *self = PATHWAYS_PERSON_PAGE (widget);
  gint64 id;
  const char *iso;

  if (get_store (self) == NULL)
    return;
  g_variant_get (parameter, "(x&s)", &id, &iso);
  pathways_planner_set_milestone_done_async (get_store (self), id, iso, NULL, action_done_cb,
                                             pending_new (self, _("Date done changed"), DONE_PLAIN, NULL));
}

static gboolean
add_milestone (PathwaysPersonPage *self)
{
  g_autoptr(PathwaysMilestone) m = pathways_milestone_new ();
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->milestone_name_row))));
  g_autofree char *due_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->milestone_due_row))));
  g_autofree char *due = NULL;
  guint n_categories;
  const PathwaysVocabEntry *categories = pathways_vocab_entries (PATHWAYS_VOCAB_MILESTONE_CATEGORY, &n_categories);
  guint pos = adw_combo_row_get_selected (self->milestone_category_row);

  if (*due_text != '\0' && !pathways_date_parse_user (due_text, &due))
    {
      gtk_label_set_label (self->milestone_error_label, _("Enter the due date as DD/MM/YYYY"));
      gtk_widget_add_css_class (GTK_WIDGET (self->milestone_due_row), "error");
      return FALSE;
    }
  pathways_milestone_set_young_person_id (m, self->person_id);
  pathways_milestone_set_name (m, *name ? name : NULL);
  pathways_milestone_set_category (m, pos < n_categories ? categories[pos].code : NULL);
  pathways_milestone_set_due_date (m, due);
  save_record (self, PATHWAYS_RECORD (m), _("Milestone added"), DONE_MILESTONE_ADDED);
  return TRUE;
}

static void
add_milestone_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  add_milestone (PATHWAYS_PERSON_PAGE (widget));
}

/* Who is writing: the signed-in member of staff, from the staff loaded */
static char *
dup_staff_name (PathwaysPersonPage *self)
{
  gint64 staff_id = pathways_context_get_staff_id (self->context);

  for (guint i = 0; staff_id != 0 && self->staff && i < g_list_model_get_n_items (self->staff); i++)
    {
      g_autoptr(PathwaysStaff) staff = g_list_model_get_item (self->staff, i);

      if (pathways_record_get_id (PATHWAYS_RECORD (staff)) == staff_id)
        return g_strdup (pathways_staff_get_name (staff));
    }
  return NULL;
}

static void
add_note_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PathwaysPersonPage *self = PATHWAYS_PERSON_PAGE (widget);
  g_autofree char *body = text_view_text (self->note_view);
  g_autofree char *today = dup_today (self);
  g_autofree char *author = dup_staff_name (self);
  g_autoptr(PathwaysNote) note = g_object_new (PATHWAYS_TYPE_NOTE, NULL);

  pathways_note_set_young_person_id (note, self->person_id);
  pathways_note_set_written_on (note, today);
  pathways_note_set_author (note, author);
  pathways_note_set_body (note, body);
  save_record (self, PATHWAYS_RECORD (note), _("Note added"), DONE_NOTE_ADDED);
}

/* Save as you go: writes what was typed into the profile and the wishes
 * (one record, one recorded action with Undo).  FALSE, with the errors
 * beside their fields, when something typed cannot be saved as it is. */
static gboolean
save_edits (PathwaysPersonPage *self,
            gboolean            now)
{
  g_autoptr(PathwaysRecord) copy = NULL;
  gboolean profile = profile_dirty (self);
  const char *message;
  Pending *p;

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (self->details == NULL || (!profile && !self->wishes_dirty))
    return TRUE;
  if (get_store (self) == NULL ||
      !pathways_role_may (pathways_context_get_role (self->context), PATHWAYS_MAY_EDIT_PEOPLE))
    return FALSE;
  /* One save of the record at a time: the next goes over its answer
   * (but for leaving, which cannot wait) */
  if (self->n_busy > 0 && !now)
    {
      schedule_autosave (self);
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (profile_fields); i++)
    set_field_error (&self->fields[i], NULL);
  gtk_label_set_label (self->profile_error_label, "");

  /* Over the record as it was when editing began: if someone changed it
   * since, the save is refused and says so */
  copy = pathways_record_copy (self->edit_base ? self->edit_base : newest_person (self));
  if (profile && !read_profile (self, copy))
    {
      gtk_label_set_label (self->profile_error_label, _("Not saved yet: correct the fields marked in red."));
      return FALSE;
    }
  if (self->wishes_dirty)
    {
      g_autofree char *wishes = text_view_text (self->wishes_view);
      pathways_young_person_set_wishes_feelings (PATHWAYS_YOUNG_PERSON (copy), wishes);
    }
  message = !profile ? _("Wishes and feelings saved")
                     : self->wishes_dirty ? _("Profile and wishes saved") : _("Profile saved");
  p = pending_new (self, message, DONE_PROFILE, copy);
  p->gen = self->edit_gen;
  pathways_planner_save_async (get_store (self), copy, NULL, action_done_cb, p);
  return TRUE;
}

static gboolean
autosave_cb (gpointer data)
{
  PathwaysPersonPage *self = data;

  self->autosave_id = 0;
  save_edits (self, FALSE);
  return G_SOURCE_REMOVE;
}

static void
schedule_autosave (PathwaysPersonPage *self)
{
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  self->autosave_id = g_timeout_add (AUTOSAVE_DELAY_MS, autosave_cb, self);
}

static void
wishes_changed_cb (PathwaysPersonPage *self,
                   GtkTextBuffer      *buffer)
{
  if (self->filling || self->details == NULL)
    return;
  self->wishes_dirty = TRUE;
  self->wishes_gen = ++self->edit_gen;
  if (self->edit_base == NULL && newest_person (self) != NULL)
    self->edit_base = pathways_record_copy (newest_person (self));
  schedule_autosave (self);
}

/* "Save now" (Ctrl+S): what autosave would write in a moment */
static void
save_profile_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PathwaysPersonPage *self = PATHWAYS_PERSON_PAGE (widget);

  if (!profile_dirty (self) && !self->wishes_dirty)
    {
      /* Nothing typed: a save of the form as it is, which checks it */
      for (guint i = 0; i < G_N_ELEMENTS (profile_fields); i++)
        self->fields[i].dirty = TRUE;
    }
  save_edits (self, TRUE);
}

static void
save_wishes_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  save_edits (PATHWAYS_PERSON_PAGE (widget), TRUE);
}

static void
record_contact_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PathwaysPersonPage *self = PATHWAYS_PERSON_PAGE (widget);

  if (self->details == NULL)
    return;
  /* A contact of its own, with its type and author (issue #12): the
   * alert reads these, not the profile's typed date */
  pathways_contact_dialog_present (GTK_WINDOW (gtk_widget_get_root (widget)), self->context, self->person_id);
}

static void
record_oc3_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PathwaysPersonPage *self = PATHWAYS_PERSON_PAGE (widget);

  if (self->details != NULL)
    pathways_oc3_dialog_present (GTK_WINDOW (gtk_widget_get_root (widget)), self->context, self->person_id);
}

static void
show_milestones_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PathwaysPersonPage *self = PATHWAYS_PERSON_PAGE (widget);
  graphene_point_t point;

  if (gtk_widget_compute_point (GTK_WIDGET (self->milestones_box),
                                gtk_scrolled_window_get_child (self->scroller),
                                &GRAPHENE_POINT_INIT (0, 0), &point))
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), point.y - 60);
}

/* Print… (Ctrl+P): the summary as the page shows it, with the print
 * dialog's Preview */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PathwaysPersonPage *self = PATHWAYS_PERSON_PAGE (widget);
  g_autoptr(GtkPrintOperation) operation = pathways_person_page_print_operation (self);

  if (operation != NULL)
    pathways_print_run (operation, widget, self->context);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PathwaysPersonPage *self = PATHWAYS_PERSON_PAGE (widget);

  pathways_context_undo_last (self->context);
}

/* GObject overrides */

static void
pathways_person_page_dispose (GObject *object)
{
  PathwaysPersonPage *self = PATHWAYS_PERSON_PAGE (object);

  pathways_page_detach (PATHWAYS_PAGE (self));
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAYS_TYPE_PERSON_PAGE);
  for (guint i = 0; i < G_N_ELEMENTS (profile_fields); i++)
    g_clear_pointer (&self->fields[i].codes, g_ptr_array_unref);
  g_clear_pointer (&self->details, pathways_person_details_free);
  g_clear_object (&self->staff);
  g_clear_object (&self->ethnic_codes);
  g_clear_object (&self->place_codes);
  g_clear_object (&self->edit_base);
  g_clear_object (&self->latest);
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  g_clear_object (&self->context);
  g_weak_ref_clear (&self->move_dialog);
  g_weak_ref_clear (&self->conflict_dialog);

  G_OBJECT_CLASS (pathways_person_page_parent_class)->dispose (object);
}

/* What the signed-in role may not do is hidden or disabled, saying why
 * (the rules module says who may do what; the server enforces it) */
static void
role_changed_cb (PathwaysPersonPage *self)
{
  static const char * const edits[] = {
    "person.save-profile", "person.save-wishes", "person.add-note", "person.toggle-milestone",
    "person.set-milestone-date", "person.add-milestone", "person.record-contact", "person.record-oc3",
    "person.make-referral", "person.i-statements",
  };
  static const char * const moves[] = {
    "person.schedule-move", "person.mark-moved", "person.cancel-move", "person.show-offers",
  };
  const char *role = pathways_context_get_role (self->context);
  g_autofree char *private_reason = pathways_role_dup_refusal (role, PATHWAYS_MAY_SEE_PRIVATE);
  gboolean may_edit = pathways_role_may (role, PATHWAYS_MAY_EDIT_PEOPLE);
  gboolean may_move = pathways_role_may (role, PATHWAYS_MAY_SCHEDULE_MOVES);

  gtk_widget_set_visible (self->private_box, private_reason == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->private_reason), private_reason != NULL);
  gtk_label_set_text (self->private_reason, private_reason ? private_reason : "");
  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), edits[i], may_edit);
  set_fields_editable (self);
  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), moves[i], may_move);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.placement-income",
                                 pathways_role_may (role, PATHWAYS_MAY_COMMISSION));
  pathways_referral_buttons_set_role (self->referral_buttons, role);
  if (!may_edit)
    {
      g_autofree char *why = pathways_role_dup_refusal (role, PATHWAYS_MAY_EDIT_PEOPLE);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->wishes_view), why);
    }
}

static void
pathways_person_page_constructed (GObject *object)
{
  PathwaysPersonPage *self = PATHWAYS_PERSON_PAGE (object);

  G_OBJECT_CLASS (pathways_person_page_parent_class)->constructed (object);

  g_return_if_fail (PATHWAYS_IS_CONTEXT (self->context));
  pathways_page_attach (PATHWAYS_PAGE (self), self->context);
  g_signal_connect_object (self->context, "notify::role", G_CALLBACK (role_changed_cb), self, G_CONNECT_SWAPPED);
  role_changed_cb (self);
}

static void
pathways_person_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PathwaysPersonPage *self = PATHWAYS_PERSON_PAGE (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->n_busy > 0);
      break;
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_TITLE:
      g_value_set_string (value, pathways_page_get_title (PATHWAYS_PAGE (self)));
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, pathways_page_get_icon_name (PATHWAYS_PAGE (self)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathways_person_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  PathwaysPersonPage *self = PATHWAYS_PERSON_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathways_person_page_class_init (PathwaysPersonPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pathways_person_page_constructed;
  object_class->dispose = pathways_person_page_dispose;
  object_class->get_property = pathways_person_page_get_property;
  object_class->set_property = pathways_person_page_set_property;

  /**
   * PathwaysPersonPage:loading:
   *
   * The young person is being (re)loaded.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PathwaysPersonPage:busy:
   *
   * An action of the page is being written.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_CONTEXT, PATHWAYS_PAGE_PROP_CONTEXT);
  g_object_class_override_property (object_class, PROP_TITLE, PATHWAYS_PAGE_PROP_TITLE);
  g_object_class_override_property (object_class, PROP_ICON_NAME, PATHWAYS_PAGE_PROP_ICON_NAME);

  g_type_ensure (PATHWAYS_TYPE_SPELL_STRIP);
  g_type_ensure (PATHWAYS_TYPE_DESTINATION_LIST);
  g_type_ensure (PATHWAYS_TYPE_ERASE_SECTION);
  g_type_ensure (PATHWAYS_TYPE_HISTORY_LIST);
  g_type_ensure (PATHWAYS_TYPE_CARE_HISTORY_SECTION);
  g_type_ensure (PATHWAYS_TYPE_ARCHIVED_BANNER);
  g_type_ensure (PATHWAYS_TYPE_SUPPORT_SECTION);
  g_type_ensure (PATHWAYS_TYPE_PLAN_PROPOSAL);
  g_type_ensure (PATHWAYS_TYPE_REFERRAL_BUTTONS);
  g_type_ensure (PATHWAYS_TYPE_WRAP_BOX);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pathways-person-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, status_pill);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, schedule_button);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, referral_buttons);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, title_wrap);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, status_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, alerts_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, strip);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, strip_legend);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, moves_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, spells_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, destination_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, erase_section);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, care_history);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, archived_banner);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, support_section);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, plan_proposal);
  gtk_widget_class_bind_template_callback (widget_class, destination_schedule_cb);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, readiness_label);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, readiness_bar);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, milestones_box);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, add_milestone_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, milestone_name_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, milestone_category_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, milestone_due_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, milestone_error_label);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, wishes_view);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, private_box);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, private_reason);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, note_view);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, notes_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, history_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, profile_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysPersonPage, profile_error_label);

  gtk_widget_class_install_action (widget_class, "person.schedule-move", NULL, schedule_move_action);
  pathways_referral_dialog_install_action (widget_class, "person.make-referral");  /* Make a Referral… (Ctrl+Shift+R) */
  pathways_offers_dialog_install_action (widget_class, "person.show-offers");  /* Referrals and Offers (Ctrl+Shift+O) */
  pathways_i_statement_dialog_install_action (widget_class, "person.i-statements");  /* I statements (Ctrl+Shift+A) */
  pathways_close_case_dialog_install_action (widget_class, "person.close-case");  /* Close Case… (#12) */
  pathways_income_dialog_install_action (widget_class, "person.placement-income");  /* Placement Income (Ctrl+Shift+B) */
  gtk_widget_class_install_action (widget_class, "person.mark-moved", "x", mark_moved_action);
  gtk_widget_class_install_action (widget_class, "person.cancel-move", "x", cancel_move_action);
  gtk_widget_class_install_action (widget_class, "person.toggle-milestone", "x", toggle_milestone_action);
  gtk_widget_class_install_action (widget_class, "person.set-milestone-date", "(xs)", set_milestone_date_action);
  gtk_widget_class_install_action (widget_class, "person.add-milestone", NULL, add_milestone_action);
  gtk_widget_class_install_action (widget_class, "person.add-note", NULL, add_note_action);
  gtk_widget_class_install_action (widget_class, "person.save-profile", NULL, save_profile_action);
  gtk_widget_class_install_action (widget_class, "person.save-wishes", NULL, save_wishes_action);
  gtk_widget_class_install_action (widget_class, "person.record-contact", NULL, record_contact_action);
  gtk_widget_class_install_action (widget_class, "person.record-oc3", NULL, record_oc3_action);
  gtk_widget_class_install_action (widget_class, "person.show-milestones", NULL, show_milestones_action);
  gtk_widget_class_install_action (widget_class, "person.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "person.print", NULL, print_action);


  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "personpage");
}

static void
pathways_person_page_init (PathwaysPersonPage *self)
{
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);
  const PathwaysVocabEntry *entries;
  guint n;

  static const PathwaysShortcut shortcuts[] = {
    { "<Control>m", "person.schedule-move" },
    { "<Control>s", "person.save-profile" },
    /* (a text being typed in undoes its own typing first) */
    { "<Control>z", "person.undo" },
    { "<Control>p", "person.print" },
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  pathways_expander_row_name (self->add_milestone_row);
  pathways_add_page_shortcuts (GTK_WIDGET (self), shortcuts, G_N_ELEMENTS (shortcuts));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.print", FALSE);  /* until loaded */
  g_signal_connect_object (gtk_text_view_get_buffer (self->wishes_view), "changed",
                           G_CALLBACK (wishes_changed_cb), self, G_CONNECT_SWAPPED);
  g_weak_ref_init (&self->move_dialog, NULL);
  g_weak_ref_init (&self->conflict_dialog, NULL);
  g_signal_connect_object (self->care_history, "notify::n-episodes", G_CALLBACK (set_fields_editable), self,
                           G_CONNECT_SWAPPED);

  entries = pathways_vocab_entries (PATHWAYS_VOCAB_MILESTONE_CATEGORY, &n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (categories, pathways_vocab_label (PATHWAYS_VOCAB_MILESTONE_CATEGORY, entries[i].code));
  adw_combo_row_set_model (self->milestone_category_row, G_LIST_MODEL (categories));
}

/* Public API */

GtkWidget *
pathways_person_page_new (PathwaysContext *context)
{
  g_return_val_if_fail (PATHWAYS_IS_CONTEXT (context), NULL);

  return g_object_new (PATHWAYS_TYPE_PERSON_PAGE, "context", context, NULL);
}

/**
 * pathways_person_page_show_person:
 *
 * Shows the young person @person_id, loading them in a worker thread.
 */
void
pathways_person_page_show_person (PathwaysPersonPage *self,
                                  gint64              person_id)
{
  g_return_if_fail (PATHWAYS_IS_PERSON_PAGE (self));

  if (person_id != self->person_id)
    {
      g_clear_pointer (&self->details, pathways_person_details_free);
      profile_saved (self);   /* another young person: nothing typed is theirs */
      gtk_stack_set_visible_child_name (self->stack, "loading");
      gtk_spinner_set_spinning (self->spinner, TRUE);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
      self->person_id = person_id;
      if (get_store (self) != NULL)
        pathways_destination_list_set_person (self->destination_list, get_store (self), person_id);
      g_object_notify (G_OBJECT (self), "title");
    }
  /* The service plan's proposal for them (issue #15) */
  pathways_plan_proposal_set_context (self->plan_proposal, self->context);
  pathways_plan_proposal_set_person_id (self->plan_proposal, person_id);
  reload (self);
}

gint64
pathways_person_page_get_person_id (PathwaysPersonPage *self)
{
  g_return_val_if_fail (PATHWAYS_IS_PERSON_PAGE (self), 0);

  return self->person_id;
}

gboolean
pathways_person_page_is_loading (PathwaysPersonPage *self)
{
  g_return_val_if_fail (PATHWAYS_IS_PERSON_PAGE (self), FALSE);

  return self->loading || self->n_busy > 0;
}

/**
 * pathways_person_page_get_conflict_dialog:
 *
 * Returns: (transfer none) (nullable): the "Changed by Someone Else"
 *   dialog, while it is open
 */
GtkWindow *
pathways_person_page_get_conflict_dialog (PathwaysPersonPage *self)
{
  g_autoptr(GtkWindow) dialog = NULL;

  g_return_val_if_fail (PATHWAYS_IS_PERSON_PAGE (self), NULL);

  dialog = g_weak_ref_get (&self->conflict_dialog);
  return dialog;   /* still referenced by GTK while it is open */
}

/**
 * pathways_person_page_get_details:
 *
 * Returns: (transfer none) (nullable): what the page shows
 */
PathwaysPersonDetails *
pathways_person_page_get_details (PathwaysPersonPage *self)
{
  g_return_val_if_fail (PATHWAYS_IS_PERSON_PAGE (self), NULL);

  return self->details;
}

guint
pathways_person_page_get_n_spell_rows (PathwaysPersonPage *self)
{
  g_return_val_if_fail (PATHWAYS_IS_PERSON_PAGE (self), 0);

  return self->n_spell_rows;
}

guint
pathways_person_page_get_n_milestone_rows (PathwaysPersonPage *self)
{
  g_return_val_if_fail (PATHWAYS_IS_PERSON_PAGE (self), 0);

  return self->n_milestone_rows;
}

double
pathways_person_page_get_readiness_value (PathwaysPersonPage *self)
{
  g_return_val_if_fail (PATHWAYS_IS_PERSON_PAGE (self), 0);

  return gtk_level_bar_get_value (self->readiness_bar);
}

void
pathways_person_page_set_profile_text (PathwaysPersonPage *self,
                                       const char         *field,
                                       const char         *text)
{
  ProfileField *f;

  g_return_if_fail (PATHWAYS_IS_PERSON_PAGE (self));

  f = find_field (self, field);
  g_return_if_fail (f != NULL && GTK_IS_EDITABLE (f->input));
  gtk_editable_set_text (GTK_EDITABLE (f->input), text);
}

/**
 * pathways_person_page_get_profile_text:
 *
 * Returns: what the text or date field @field shows
 */
const char *
pathways_person_page_get_profile_text (PathwaysPersonPage *self,
                                       const char         *field)
{
  ProfileField *f;

  g_return_val_if_fail (PATHWAYS_IS_PERSON_PAGE (self), NULL);

  f = find_field (self, field);
  g_return_val_if_fail (f != NULL && GTK_IS_EDITABLE (f->input), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (f->input));
}

/**
 * pathways_person_page_get_field_widget:
 *
 * Returns: (transfer none) (nullable): the row that edits @field
 */
GtkWidget *
pathways_person_page_get_field_widget (PathwaysPersonPage *self,
                                       const char         *field)
{
  ProfileField *f;

  g_return_val_if_fail (PATHWAYS_IS_PERSON_PAGE (self), NULL);

  f = find_field (self, field);
  return f != NULL ? f->row : NULL;
}

/**
 * pathways_person_page_get_field_error:
 *
 * Returns: (nullable): the error shown next to @field, or %NULL
 */
const char *
pathways_person_page_get_field_error (PathwaysPersonPage *self,
                                      const char         *field)
{
  ProfileField *f;

  g_return_val_if_fail (PATHWAYS_IS_PERSON_PAGE (self), NULL);

  f = find_field (self, field);
  if (f == NULL || !gtk_widget_get_visible (GTK_WIDGET (f->error)))
    return NULL;
  return gtk_label_get_label (f->error);
}

const char *
pathways_person_page_get_profile_error (PathwaysPersonPage *self)
{
  g_return_val_if_fail (PATHWAYS_IS_PERSON_PAGE (self), NULL);

  return gtk_label_get_label (self->profile_error_label);
}

/**
 * pathways_person_page_get_move_dialog:
 *
 * Returns: (transfer none) (nullable): the scheduling dialog, while open
 */
GtkWindow *
pathways_person_page_get_move_dialog (PathwaysPersonPage *self)
{
  g_autoptr(GtkWindow) dialog = NULL;

  g_return_val_if_fail (PATHWAYS_IS_PERSON_PAGE (self), NULL);

  dialog = g_weak_ref_get (&self->move_dialog);
  return dialog;   /* still referenced by GTK while it is open */
}

guint
pathways_person_page_get_n_strip_bars (PathwaysPersonPage *self)
{
  g_return_val_if_fail (PATHWAYS_IS_PERSON_PAGE (self), 0);

  return pathways_spell_strip_get_n_bars (self->strip);
}

/**
 * pathways_person_page_get_destination_list:
 *
 * Returns: (transfer none): the "Where could they go?" list
 */
GtkWidget *
pathways_person_page_get_destination_list (PathwaysPersonPage *self)
{
  g_return_val_if_fail (PATHWAYS_IS_PERSON_PAGE (self), NULL);

  return GTK_WIDGET (self->destination_list);
}

/**
 * pathways_person_page_save_edits:
 *
 * Leaving the page (Back, another young person, closing the window):
 * writes at once what autosave would write in a moment — the profile,
 * the wishes, a note or a milestone typed but not added — each with
 * "Undo" in a toast.
 *
 * Returns: %FALSE when something typed cannot be saved as it is (the
 *   errors are shown beside the fields): the caller asks before
 *   leaving it behind
 */
gboolean
pathways_person_page_save_edits (PathwaysPersonPage *self)
{
  g_autofree char *note = NULL;
  g_autofree char *milestone = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (PATHWAYS_IS_PERSON_PAGE (self), TRUE);

  if (self->details == NULL)
    return TRUE;
  ok = save_edits (self, TRUE) && ok;
  if (!pathways_role_may (pathways_context_get_role (self->context), PATHWAYS_MAY_EDIT_PEOPLE))
    return ok;
  if ((note = text_view_text (self->note_view)) != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "person.add-note", NULL);
  milestone = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->milestone_name_row))));
  if (*milestone != '\0')
    ok = add_milestone (self) && ok;
  return ok;
}

/**
 * pathways_person_page_has_unsaved_edits:
 *
 * Returns: whether something typed is not written yet
 */
gboolean
pathways_person_page_has_unsaved_edits (PathwaysPersonPage *self)
{
  g_autofree char *note = NULL;

  g_return_val_if_fail (PATHWAYS_IS_PERSON_PAGE (self), FALSE);

  note = text_view_text (self->note_view);
  return profile_dirty (self) || self->wishes_dirty || note != NULL ||
         *gtk_editable_get_text (GTK_EDITABLE (self->milestone_name_row)) != '\0';
}

/**
 * pathways_person_page_discard_edits:
 *
 * Forgets what was typed and not saved, after the user said so, and
 * shows the record as stored.
 */
void
pathways_person_page_discard_edits (PathwaysPersonPage *self)
{
  g_return_if_fail (PATHWAYS_IS_PERSON_PAGE (self));

  profile_saved_upto (self, G_MAXUINT);
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), "", -1);
  gtk_editable_set_text (GTK_EDITABLE (self->milestone_name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->milestone_due_row), "");
  gtk_label_set_label (self->milestone_error_label, "");
  gtk_widget_remove_css_class (GTK_WIDGET (self->milestone_due_row), "error");
  if (self->details != NULL)
    fill (self);
}

/**
 * pathways_person_page_print_operation:
 *
 * The print operation "person.print" runs: the young person's summary
 * (pathways_person_summary_pages()), for the tests to export without a
 * dialog.
 *
 * Returns: (transfer full) (nullable): the operation, or %NULL before the
 *   young person is loaded
 */
GtkPrintOperation *
pathways_person_page_print_operation (PathwaysPersonPage *self)
{
  g_autoptr(GPtrArray) pages = NULL;
  g_autofree char *job = NULL;

  g_return_val_if_fail (PATHWAYS_IS_PERSON_PAGE (self), NULL);

  if (self->details == NULL)
    return NULL;
  pages = pathways_person_summary_pages (self->details);
  /* Translators: the print job's name: "Summary of Yonas Abdullahi" */
  job = g_strdup_printf (_("Summary of %s"), self->details->display_name);
  return pathways_print_operation_new (job, pages);
}
