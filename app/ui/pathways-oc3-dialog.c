/* pathways-oc3-dialog.c — a care leaver's OC3 answers at their birthdays
 *
 * A message dialog: the birthday (17th to 21st, those passed), whether
 * the authority was in touch, the main activity, the accommodation and
 * whether it was suitable.  Each birthday opens on what is recorded for
 * it, or on what Pathways worked out from contacts, education, employment
 * or training and the accommodation (said under the fields).  The store
 * refuses what the DfE's rules forbid (S or X as suitable, 0 with YES…)
 * with its sentence shown the same way.  Loading and saving run in a
 * worker thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-oc3-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "pathways-core.h"
#include "pathways-format.h"
#include "pathways-oc3-dialog.h"
#include "pathways-oc3-facts.h"

typedef struct {
  PathwaysContext *context;
  gint64           person_id;
  PathwaysOc3Form *form;
  GCancellable    *cancellable;
  GtkDropDown     *birthday;
  GtkDropDown     *in_touch;
  GtkDropDown     *activ;
  GtkDropDown     *accom;
  GtkCheckButton  *suitable;
  GtkLabel        *status;
  GtkLabel        *error;
} Oc3Form;

static void
form_free (gpointer data)
{
  Oc3Form *f = data;

  g_cancellable_cancel (f->cancellable);
  g_clear_object (&f->cancellable);
  g_clear_object (&f->context);
  g_clear_pointer (&f->form, pathways_oc3_form_free);
  g_clear_object (&f->birthday);
  g_clear_object (&f->in_touch);
  g_clear_object (&f->activ);
  g_clear_object (&f->accom);
  g_clear_object (&f->suitable);
  g_clear_object (&f->status);
  g_clear_object (&f->error);
  g_free (f);
}

static void
show_error (Oc3Form    *f,
            GtkWidget  *dialog,
            const char *message)
{
  gtk_label_set_label (f->error, message);
  gtk_widget_set_visible (GTK_WIDGET (f->error), message != NULL);
  if (message != NULL && !gtk_widget_get_visible (dialog))
    pathways_context_show_message (f->context, message);
}

/* "YES — In touch": the code first, so the return's code is plain */
static GtkStringList *
code_list (GListModel *codes)
{
  GtkStringList *out = gtk_string_list_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (codes); i++)
    {
      g_autoptr(PathwaysRefCode) c = g_list_model_get_item (codes, i);
      /* Translators: a 903 code and its meaning: "YES — In touch" */
      g_autofree char *text = g_strdup_printf (_("%s — %s"), pathways_ref_code_get_code (c),
                                               pathways_ref_code_get_meaning (c));
      gtk_string_list_append (out, text);
    }
  return out;
}

static guint
code_index (GListModel *codes,
            const char *code)
{
  for (guint i = 0; code != NULL && i < g_list_model_get_n_items (codes); i++)
    {
      g_autoptr(PathwaysRefCode) c = g_list_model_get_item (codes, i);
      if (g_strcmp0 (pathways_ref_code_get_code (c), code) == 0)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static char *
selected_code (GListModel  *codes,
               GtkDropDown *drop)
{
  guint i = gtk_drop_down_get_selected (drop);
  g_autoptr(PathwaysRefCode) c = i < g_list_model_get_n_items (codes) ? g_list_model_get_item (codes, i) : NULL;

  return c ? g_strdup (pathways_ref_code_get_code (c)) : NULL;
}

static void
show_answer (Oc3Form *f)
{
  guint i = gtk_drop_down_get_selected (f->birthday);
  PathwaysOc3Answer *a;
  g_autofree char *letter = NULL;

  if (f->form == NULL || i >= f->form->answers->len)
    return;
  a = g_ptr_array_index (f->form->answers, i);
  letter = a->accom ? g_strndup (a->accom, 1) : NULL;
  gtk_drop_down_set_selected (f->in_touch, code_index (f->form->in_touch, a->in_touch));
  gtk_drop_down_set_selected (f->activ, code_index (f->form->activ, a->activ));
  gtk_drop_down_set_selected (f->accom, code_index (f->form->accom, letter));
  gtk_check_button_set_active (f->suitable, a->accom == NULL || a->accom[1] != '2');
  if (a->recorded)
    gtk_label_set_label (f->status, _("Recorded for this birthday."));
  else if (a->in_touch || a->activ || a->accom)
    gtk_label_set_label (f->status, _("Not recorded yet: worked out from contacts, education, employment or "
                                      "training and accommodation. Record them to confirm."));
  else
    gtk_label_set_label (f->status, _("Not recorded yet, and nothing on the record says."));
}

static void
birthday_changed_cb (GtkDropDown *drop,
                     GParamSpec  *pspec,
                     Oc3Form     *f)
{
  show_answer (f);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(AdwMessageDialog) dialog = user_data;
  Oc3Form *f = g_object_get_data (G_OBJECT (dialog), "form");
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) days = NULL, in_touch = NULL, activ = NULL, accom = NULL;
  PathwaysOc3Form *form = pathways_oc3_form_load_finish (PATHWAYS_STORE (source), result, &error);

  if (form == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (f, GTK_WIDGET (dialog), error->message);
      return;
    }
  f->form = form;
  days = gtk_string_list_new (NULL);
  for (guint i = 0; i < form->answers->len; i++)
    {
      PathwaysOc3Answer *a = g_ptr_array_index (form->answers, i);
      g_autofree char *when = pathways_date_format_long (a->birthday);
      g_autofree char *text = NULL;

      /* Translators: "18th birthday, 1 May 2025" */
      switch (a->age)
        {
        case 17: text = g_strdup_printf (_("17th birthday, %s"), when); break;
        case 18: text = g_strdup_printf (_("18th birthday, %s"), when); break;
        case 19: text = g_strdup_printf (_("19th birthday, %s"), when); break;
        case 20: text = g_strdup_printf (_("20th birthday, %s"), when); break;
        default: text = g_strdup_printf (_("21st birthday, %s"), when); break;
        }
      gtk_string_list_append (days, text);
    }
  in_touch = code_list (form->in_touch);
  activ = code_list (form->activ);
  accom = code_list (form->accom);
  gtk_drop_down_set_model (f->birthday, G_LIST_MODEL (days));
  gtk_drop_down_set_model (f->in_touch, G_LIST_MODEL (in_touch));
  gtk_drop_down_set_model (f->activ, G_LIST_MODEL (activ));
  gtk_drop_down_set_model (f->accom, G_LIST_MODEL (accom));
  if (form->answers->len == 0)
    {
      gtk_label_set_label (f->status, _("No 17th birthday yet: the OC3 return starts at 17."));
      adw_message_dialog_set_response_enabled (dialog, "record", FALSE);
      return;
    }
  gtk_drop_down_set_selected (f->birthday, form->answers->len - 1);
  adw_message_dialog_set_response_enabled (dialog, "record", TRUE);
  show_answer (f);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(AdwMessageDialog) dialog = user_data;
  Oc3Form *f = g_object_get_data (G_OBJECT (dialog), "form");
  g_autoptr(PathwaysChangeSet) undo = NULL;
  g_autoptr(GError) error = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (dialog), TRUE);
  if (!pathways_oc3_fact_save_finish (PATHWAYS_STORE (source), result, &undo, &error))
    {
      show_error (f, GTK_WIDGET (dialog), error->message);
      return;
    }
  pathways_context_show_undoable (f->context, _("OC3 answers recorded"), undo);
  if (gtk_widget_get_visible (GTK_WIDGET (dialog)))
    gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             gpointer          user_data)
{
  Oc3Form *f = g_object_get_data (G_OBJECT (dialog), "form");
  PathwaysStore *store = pathways_context_get_store (f->context);
  g_autofree char *in_touch = NULL, *activ = NULL, *letter = NULL, *accom = NULL;
  g_autoptr(PathwaysOc3Fact) fact = NULL;
  PathwaysOc3Answer *a;
  guint i;

  if (!g_str_equal (response, "record") || store == NULL || f->form == NULL)
    {
      if (gtk_widget_get_visible (GTK_WIDGET (dialog)))
        gtk_window_destroy (GTK_WINDOW (dialog));
      return;
    }
  i = gtk_drop_down_get_selected (f->birthday);
  if (i >= f->form->answers->len)
    return;
  a = g_ptr_array_index (f->form->answers, i);
  in_touch = selected_code (f->form->in_touch, f->in_touch);
  activ = selected_code (f->form->activ, f->activ);
  letter = selected_code (f->form->accom, f->accom);
  if (in_touch == NULL || activ == NULL || letter == NULL)
    {
      show_error (f, GTK_WIDGET (dialog), _("Choose whether they were in touch, their main activity and their "
                                            "accommodation: the return needs all three"));
      return;
    }
  accom = g_str_equal (letter, "0") ? g_strdup ("0")
                                    : g_strdup_printf ("%s%c", letter,
                                                       gtk_check_button_get_active (f->suitable) ? '1' : '2');
  fact = g_object_new (PATHWAYS_TYPE_OC3_FACT, "young-person-id", f->person_id, "birthday", a->birthday,
                       "in-touch", in_touch, "activ", activ, "accom", accom, NULL);
  show_error (f, GTK_WIDGET (dialog), NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (dialog), FALSE);
  pathways_oc3_fact_save_async (store, fact, NULL, saved_cb, g_object_ref (dialog));
}

static GtkDropDown *
labelled_drop_down (GtkBox     *box,
                    const char *label)
{
  GtkWidget *title = gtk_label_new (label);
  GtkDropDown *drop = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "caption-heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_box_append (box, title);
  gtk_box_append (box, GTK_WIDGET (drop));
  return g_object_ref (drop);
}

AdwMessageDialog *
pathways_oc3_dialog_present (GtkWindow       *parent,
                             PathwaysContext *context,
                             gint64           person_id)
{
  Oc3Form *f = g_new0 (Oc3Form, 1);
  g_autofree char *today = pathways_context_dup_today (context);
  GtkWidget *dialog, *box;

  f->context = g_object_ref (context);
  f->person_id = person_id;
  f->cancellable = g_cancellable_new ();

  dialog = adw_message_dialog_new (parent, _("OC3 Return"),
                                   _("What the DfE's OC3 return asks at each 17th to 21st birthday"));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  f->birthday = labelled_drop_down (GTK_BOX (box), _("Birthday"));
  f->in_touch = labelled_drop_down (GTK_BOX (box), _("In touch (IN_TOUCH)"));
  f->activ = labelled_drop_down (GTK_BOX (box), _("Main activity (ACTIV)"));
  f->accom = labelled_drop_down (GTK_BOX (box), _("Accommodation (ACCOM)"));
  f->suitable = GTK_CHECK_BUTTON (g_object_ref (gtk_check_button_new_with_label (_("Suitable accommodation"))));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->suitable));
  f->status = GTK_LABEL (g_object_ref (gtk_label_new (_("Loading…"))));
  gtk_label_set_wrap (f->status, TRUE);
  gtk_label_set_xalign (f->status, 0);
  gtk_widget_add_css_class (GTK_WIDGET (f->status), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->status));
  f->error = GTK_LABEL (g_object_ref (gtk_label_new (NULL)));
  gtk_label_set_wrap (f->error, TRUE);
  gtk_label_set_xalign (f->error, 0);
  gtk_widget_add_css_class (GTK_WIDGET (f->error), "error");
  gtk_widget_set_visible (GTK_WIDGET (f->error), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->error));
  g_signal_connect (f->birthday, "notify::selected", G_CALLBACK (birthday_changed_cb), f);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "record", _("_Record"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "record", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "record", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "record");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "form", f, form_free);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), NULL);
  gtk_window_set_hide_on_close (GTK_WINDOW (dialog), FALSE);
  gtk_window_present (GTK_WINDOW (dialog));
  if (pathways_context_get_store (context) != NULL)
    pathways_oc3_form_load_async (pathways_context_get_store (context), person_id, today, f->cancellable,
                                  loaded_cb, g_object_ref (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}

gboolean
pathways_oc3_dialog_is_loaded (AdwMessageDialog *dialog)
{
  Oc3Form *f = g_object_get_data (G_OBJECT (dialog), "form");

  return f != NULL && f->form != NULL;
}

void
pathways_oc3_dialog_fill (AdwMessageDialog *dialog,
                          guint             birthday_index,
                          const char       *in_touch,
                          const char       *activ,
                          const char       *accom)
{
  Oc3Form *f = g_object_get_data (G_OBJECT (dialog), "form");
  g_autofree char *letter = accom ? g_strndup (accom, 1) : NULL;

  g_return_if_fail (f != NULL && f->form != NULL);
  gtk_drop_down_set_selected (f->birthday, birthday_index);
  gtk_drop_down_set_selected (f->in_touch, code_index (f->form->in_touch, in_touch));
  gtk_drop_down_set_selected (f->activ, code_index (f->form->activ, activ));
  gtk_drop_down_set_selected (f->accom, code_index (f->form->accom, letter));
  gtk_check_button_set_active (f->suitable, accom == NULL || accom[1] != '2');
}

const char *
pathways_oc3_dialog_get_status (AdwMessageDialog *dialog)
{
  Oc3Form *f = g_object_get_data (G_OBJECT (dialog), "form");

  g_return_val_if_fail (f != NULL, NULL);
  if (gtk_widget_get_visible (GTK_WIDGET (f->error)))
    return gtk_label_get_label (f->error);
  return gtk_label_get_label (f->status);
}
