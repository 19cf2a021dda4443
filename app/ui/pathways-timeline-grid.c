/* pathways-timeline-grid.c — every young person's pathway on one timeline
 *
 * A custom widget in the manner of gnome-calendar's week grid: it
 * overrides measure, size_allocate and snapshot and draws itself.  One
 * row per young person (or group header), time running left to right.
 * It is a GtkScrollable: put it in a GtkScrolledWindow and it scrolls
 * smoothly (kinetic, overlay scrollbars) while drawing only the rows in
 * view — the row height is fixed, so the rows in view follow from the
 * vertical adjustment and a frame costs the same for sixty young people
 * or two thousand.  The names column and the time axis stay put.
 *
 * The drawing itself is pathways-timeline-render.c (cairo and pango),
 * shared with export, printing and the benchmark.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-timeline-grid"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "pathways-timeline-grid.h"

struct _PathwaysTimelineGrid
{
  GtkWidget parent_instance;

  PathwaysTimeline            *timeline;
  GArray                      *lines;      /* PathwaysTimelineLine, borrowing from timeline */
  PathwaysPersonFilter         filter;
  PathwaysTimelineGroup        group;
  guint                        n_people;

  PathwaysTimelineFrame        frame;      /* as last allocated */
  PangoFontDescription        *font;
  PathwaysTimelineRenderStats  stats;      /* of the last frame */

  GtkAdjustment               *hadjustment;
  GtkAdjustment               *vadjustment;
  guint                        hscroll_policy : 1;
  guint                        vscroll_policy : 1;
  gboolean                     want_today;  /* scroll to today at the next allocation */

  int                          focus_line;
};

static void pathways_timeline_grid_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PathwaysTimelineGrid, pathways_timeline_grid, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, pathways_timeline_grid_scrollable_init))

enum {
  PROP_0,
  PROP_ZOOM,
  PROP_N_PEOPLE,
  N_PROPS,
  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

enum {
  PERSON_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const zoom_names[] = { "months", "quarters", "years" };

/* Helpers */

static void
relayout (PathwaysTimelineGrid *self)
{
  guint n = 0;

  g_clear_pointer (&self->lines, g_array_unref);
  if (self->timeline != NULL)
    self->lines = pathways_timeline_layout (self->timeline, &self->filter, self->group, &n);
  self->focus_line = -1;
  self->frame.hover_line = -1;
  if (n != self->n_people)
    {
      self->n_people = n;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PEOPLE]);
    }
  /* The scroll range follows the lines; what is drawn changes even when
   * the size does not */
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static double
time_width (PathwaysTimelineGrid *self)
{
  return MAX (self->frame.width - self->frame.names_width, 1);
}

static double
rows_height (PathwaysTimelineGrid *self)
{
  return MAX (self->frame.height - self->frame.header_height, 1);
}

/* Sets the adjustments' bounds for the size and zoom, keeping (or
 * setting) their values within them */
static void
configure_adjustments (PathwaysTimelineGrid *self,
                       double                x_value,
                       double                y_value)
{
  double content_w = pathways_timeline_frame_content_width (&self->frame);
  double content_h = (self->lines ? self->lines->len : 0) * self->frame.row_height;
  double page_w = time_width (self);
  double page_h = rows_height (self);

  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment,
                              CLAMP (x_value, 0, MAX (content_w - page_w, 0)),
                              0, MAX (content_w, page_w), page_w * 0.1, page_w * 0.9, page_w);
  if (self->vadjustment != NULL)
    gtk_adjustment_configure (self->vadjustment,
                              CLAMP (y_value, 0, MAX (content_h - page_h, 0)),
                              0, MAX (content_h, page_h), self->frame.row_height, page_h * 0.9, page_h);
}

static void
sync_frame (PathwaysTimelineGrid *self)
{
  self->frame.scroll_x = self->hadjustment ? gtk_adjustment_get_value (self->hadjustment) : 0;
  self->frame.scroll_y = self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0;
  self->frame.dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
}

/* Keeps the day under @anchor_x where it is while the zoom changes */
static void
set_zoom_index (PathwaysTimelineGrid *self,
                int                   zoom,
                double                anchor_x)
{
  double day;

  zoom = CLAMP (zoom, PATHWAYS_TIMELINE_ZOOM_MONTHS, PATHWAYS_TIMELINE_ZOOM_YEARS);
  if ((int) self->frame.zoom == zoom)
    return;

  if (anchor_x < self->frame.names_width)
    anchor_x = self->frame.names_width + time_width (self) / 2;
  sync_frame (self);
  day = pathways_timeline_frame_x_to_day (&self->frame, anchor_x);
  self->frame.zoom = zoom;
  configure_adjustments (self,
                         (day - self->frame.first_day) * pathways_timeline_zoom_px_per_day (zoom) -
                         (anchor_x - self->frame.names_width),
                         self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static void
update_accessible (PathwaysTimelineGrid *self)
{
  g_autofree char *text = pathways_timeline_grid_describe_focus (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text ? text : "",
                                  -1);
}

static void
set_focus_line (PathwaysTimelineGrid *self,
                int                   line)
{
  double top, value;

  if (self->lines == NULL || self->lines->len == 0)
    return;
  line = CLAMP (line, 0, (int) self->lines->len - 1);
  self->focus_line = line;

  /* Scroll it into view */
  if (self->vadjustment != NULL)
    {
      value = gtk_adjustment_get_value (self->vadjustment);
      top = line * self->frame.row_height;
      if (top < value)
        gtk_adjustment_set_value (self->vadjustment, top);
      else if (top + self->frame.row_height > value + rows_height (self))
        gtk_adjustment_set_value (self->vadjustment, top + self->frame.row_height - rows_height (self));
    }
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
activate_line (PathwaysTimelineGrid *self,
               int                   line)
{
  gint64 id;

  if (self->lines == NULL || line < 0 || (guint) line >= self->lines->len)
    return FALSE;
  id = pathways_timeline_grid_get_line_person (self, (guint) line);
  if (id == 0)
    return FALSE;

  g_signal_emit (self, signals[PERSON_ACTIVATED], 0, id);
  /* The window opens the young person's page */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-person", "x", id);
  return TRUE;
}

/* Callbacks */

static void
adjustment_value_changed_cb (PathwaysTimelineGrid *self,
                             GtkAdjustment        *adjustment)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
dark_changed_cb (PathwaysTimelineGrid *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (PathwaysTimelineGrid     *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  PathwaysTimelineHit hit;
  int line = -1;

  sync_frame (self);
  if (pathways_timeline_hit_test (&self->frame, self->lines, x, y, &hit) &&
      hit.kind != PATHWAYS_TIMELINE_HIT_HEADER && hit.kind != PATHWAYS_TIMELINE_HIT_AXIS)
    line = hit.line;
  if (line != self->frame.hover_line)
    {
      self->frame.hover_line = line;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
leave_cb (PathwaysTimelineGrid     *self,
          GtkEventControllerMotion *controller)
{
  if (self->frame.hover_line != -1)
    {
      self->frame.hover_line = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
released_cb (PathwaysTimelineGrid *self,
             int                   n_press,
             double                x,
             double                y,
             GtkGestureClick      *gesture)
{
  if (n_press != 1)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (pathways_timeline_grid_click (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* Ctrl+scroll zooms about the pointer; plain scrolling is the scrolled
 * window's */
static gboolean
scroll_cb (PathwaysTimelineGrid     *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  GdkEvent *event;
  double x = -1, y;

  if ((state & GDK_CONTROL_MASK) == 0 || dy == 0)
    return FALSE;
  event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  if (event != NULL && gdk_event_get_position (event, &x, &y))
    {
      graphene_point_t in;
      GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
      double nx, ny;

      gtk_native_get_surface_transform (native, &nx, &ny);
      if (gtk_widget_compute_point (GTK_WIDGET (native), GTK_WIDGET (self),
                                    &GRAPHENE_POINT_INIT (x - nx, y - ny), &in))
        x = in.x;
      else
        x = -1;
    }
  set_zoom_index (self, (int) self->frame.zoom + (dy > 0 ? 1 : -1), x);
  return TRUE;
}

static void
move_focus (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  PathwaysTimelineGrid *self = PATHWAYS_TIMELINE_GRID (widget);
  int delta = g_variant_get_int32 (parameter);
  int page = MAX ((int) (rows_height (self) / self->frame.row_height) - 1, 1);
  int line = self->focus_line;

  if (self->lines == NULL || self->lines->len == 0)
    return;
  if (delta == G_MININT32 + 1)
    line = 0;
  else if (delta == G_MAXINT32)
    line = (int) self->lines->len - 1;
  else if (delta == 2 || delta == -2)
    line = MAX (line, 0) + (delta > 0 ? page : -page);
  else
    line = line < 0 ? 0 : line + delta;
  set_focus_line (self, line);
}

static void
activate_focus (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PathwaysTimelineGrid *self = PATHWAYS_TIMELINE_GRID (widget);

  activate_line (self, self->focus_line);
}

/* GtkWidget overrides */

static void
pathways_timeline_grid_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  /* In a scrolled window the size is the viewport's: ask for little */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 260;
      *natural = 800;
    }
  else
    {
      *minimum = (int) (PATHWAYS_TIMELINE_HEADER_HEIGHT + 3 * PATHWAYS_TIMELINE_ROW_HEIGHT);
      *natural = (int) (PATHWAYS_TIMELINE_HEADER_HEIGHT + 12 * PATHWAYS_TIMELINE_ROW_HEIGHT);
    }
}

static void
pathways_timeline_grid_size_allocate (GtkWidget *widget,
                                      int        width,
                                      int        height,
                                      int        baseline)
{
  PathwaysTimelineGrid *self = PATHWAYS_TIMELINE_GRID (widget);
  double x = self->hadjustment ? gtk_adjustment_get_value (self->hadjustment) : 0;
  double y = self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0;

  self->frame.width = width;
  self->frame.height = height;
  self->frame.names_width = width < 600 ? 130 : 220;

  /* At first, today a third of the way in */
  if (self->want_today && self->timeline != NULL && width > 0)
    {
      x = ((double) self->frame.today - self->frame.first_day) * pathways_timeline_zoom_px_per_day (self->frame.zoom) -
          time_width (self) / 3;
      self->want_today = FALSE;
    }
  configure_adjustments (self, x, y);
}

static void
pathways_timeline_grid_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  PathwaysTimelineGrid *self = PATHWAYS_TIMELINE_GRID (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  guint serial;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  sync_frame (self);
  self->frame.width = width;
  self->frame.height = height;
  self->frame.font = self->font;
  self->frame.focus_line = gtk_widget_has_focus (widget) ? self->focus_line : -1;

  /* Only the viewport is drawn, and in it only the rows in view */
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  serial = self->stats.serial;
  pathways_timeline_render (cr, &self->frame, self->lines, &self->stats);
  self->stats.serial = serial + 1;
  cairo_destroy (cr);
}

static gboolean
pathways_timeline_grid_query_tooltip (GtkWidget  *widget,
                                      int         x,
                                      int         y,
                                      gboolean    keyboard_mode,
                                      GtkTooltip *tooltip)
{
  PathwaysTimelineGrid *self = PATHWAYS_TIMELINE_GRID (widget);
  PathwaysTimelineHit hit;
  g_autofree char *text = NULL;

  if (keyboard_mode)
    {
      text = pathways_timeline_grid_describe_focus (self);
      if (text == NULL)
        return FALSE;
      gtk_tooltip_set_text (tooltip, text);
      return TRUE;
    }

  sync_frame (self);
  if (!pathways_timeline_hit_test (&self->frame, self->lines, x, y, &hit))
    return FALSE;
  text = pathways_timeline_describe_hit (&hit, self->lines);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) hit.x, (int) hit.y,
                                                       MAX ((int) hit.width, 1), MAX ((int) hit.height, 1) });
  return TRUE;
}

static void
pathways_timeline_grid_css_changed (GtkWidget         *widget,
                                    GtkCssStyleChange *change)
{
  PathwaysTimelineGrid *self = PATHWAYS_TIMELINE_GRID (widget);
  PangoContext *context = gtk_widget_get_pango_context (widget);

  GTK_WIDGET_CLASS (pathways_timeline_grid_parent_class)->css_changed (widget, change);

  g_clear_pointer (&self->font, pango_font_description_free);
  self->font = pango_font_description_copy (pango_context_get_font_description (context));
  gtk_widget_queue_draw (widget);
}

static gboolean
pathways_timeline_grid_focus (GtkWidget        *widget,
                              GtkDirectionType  direction)
{
  PathwaysTimelineGrid *self = PATHWAYS_TIMELINE_GRID (widget);

  if (gtk_widget_has_focus (widget))
    return FALSE;
  gtk_widget_grab_focus (widget);
  if (self->focus_line < 0 && self->lines != NULL && self->lines->len > 0)
    {
      int first = (int) floor (self->frame.scroll_y / self->frame.row_height);
      set_focus_line (self, first);
    }
  return TRUE;
}

/* GtkScrollable */

static void
set_adjustment (PathwaysTimelineGrid  *self,
                GtkAdjustment        **slot,
                GtkAdjustment         *adjustment)
{
  if (adjustment == *slot && adjustment != NULL)
    return;
  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, adjustment_value_changed_cb, self);
      g_clear_object (slot);
    }
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (adjustment_value_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static gboolean
pathways_timeline_grid_get_border (GtkScrollable *scrollable,
                                   GtkBorder     *border)
{
  return FALSE;
}

static void
pathways_timeline_grid_scrollable_init (GtkScrollableInterface *iface)
{
  iface->get_border = pathways_timeline_grid_get_border;
}

/* GObject overrides */

static void
pathways_timeline_grid_dispose (GObject *object)
{
  PathwaysTimelineGrid *self = PATHWAYS_TIMELINE_GRID (object);

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, adjustment_value_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, adjustment_value_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_pointer (&self->lines, g_array_unref);
  g_clear_pointer (&self->timeline, pathways_timeline_unref);

  G_OBJECT_CLASS (pathways_timeline_grid_parent_class)->dispose (object);
}

static void
pathways_timeline_grid_finalize (GObject *object)
{
  PathwaysTimelineGrid *self = PATHWAYS_TIMELINE_GRID (object);

  pathways_person_filter_clear (&self->filter);
  g_clear_pointer (&self->font, pango_font_description_free);

  G_OBJECT_CLASS (pathways_timeline_grid_parent_class)->finalize (object);
}

static void
pathways_timeline_grid_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  PathwaysTimelineGrid *self = PATHWAYS_TIMELINE_GRID (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_string (value, pathways_timeline_grid_get_zoom (self));
      break;
    case PROP_N_PEOPLE:
      g_value_set_uint (value, self->n_people);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathways_timeline_grid_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  PathwaysTimelineGrid *self = PATHWAYS_TIMELINE_GRID (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      pathways_timeline_grid_set_zoom (self, g_value_get_string (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathways_timeline_grid_class_init (PathwaysTimelineGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathways_timeline_grid_dispose;
  object_class->finalize = pathways_timeline_grid_finalize;
  object_class->get_property = pathways_timeline_grid_get_property;
  object_class->set_property = pathways_timeline_grid_set_property;

  widget_class->measure = pathways_timeline_grid_measure;
  widget_class->size_allocate = pathways_timeline_grid_size_allocate;
  widget_class->snapshot = pathways_timeline_grid_snapshot;
  widget_class->query_tooltip = pathways_timeline_grid_query_tooltip;
  widget_class->css_changed = pathways_timeline_grid_css_changed;
  widget_class->focus = pathways_timeline_grid_focus;

  /**
   * PathwaysTimelineGrid:zoom:
   *
   * "months", "quarters" or "years".
   */
  properties[PROP_ZOOM] =
    g_param_spec_string ("zoom", NULL, NULL, "quarters",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * PathwaysTimelineGrid:n-people:
   *
   * How many young people pass the filter.
   */
  properties[PROP_N_PEOPLE] =
    g_param_spec_uint ("n-people", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * PathwaysTimelineGrid::person-activated:
   * @person_id: the young person's id
   *
   * A young person's row was clicked or activated with the keyboard.
   * The grid also activates "win.open-person".
   */
  signals[PERSON_ACTIVATED] = g_signal_new ("person-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "grid.move-focus", "i", move_focus);
  gtk_widget_class_install_action (widget_class, "grid.activate", NULL, activate_focus);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "grid.move-focus", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "grid.move-focus", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "grid.move-focus", "i", -2);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "grid.move-focus", "i", 2);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_CONTROL_MASK, "grid.move-focus", "i",
                                       G_MININT32 + 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, GDK_CONTROL_MASK, "grid.move-focus", "i",
                                       G_MAXINT32);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "grid.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "grid.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "grid.activate", NULL);

  gtk_widget_class_set_css_name (widget_class, "timelinegrid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
pathways_timeline_grid_init (PathwaysTimelineGrid *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);

  pathways_person_filter_init (&self->filter);
  pathways_timeline_frame_init (&self->frame, NULL, 0, 0);
  self->focus_line = -1;
  self->want_today = TRUE;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  g_signal_connect_swapped (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (click, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect_swapped (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (dark_changed_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Transitions timeline"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Each young person’s accommodation over time. Use the arrow keys to go through the young people and Enter to open one."),
                                  -1);
}

/* Public API */

GtkWidget *
pathways_timeline_grid_new (void)
{
  return g_object_new (PATHWAYS_TYPE_TIMELINE_GRID, NULL);
}

/**
 * pathways_timeline_grid_get_timeline:
 *
 * Returns: (transfer none) (nullable): the timeline shown
 */
PathwaysTimeline *
pathways_timeline_grid_get_timeline (PathwaysTimelineGrid *self)
{
  g_return_val_if_fail (PATHWAYS_IS_TIMELINE_GRID (self), NULL);
  return self->timeline;
}

void
pathways_timeline_grid_set_timeline (PathwaysTimelineGrid *self,
                                     PathwaysTimeline     *timeline)
{
  gboolean first;
  guint32 old_first = self->frame.first_day;

  g_return_if_fail (PATHWAYS_IS_TIMELINE_GRID (self));

  if (timeline == self->timeline)
    return;
  first = self->timeline == NULL;
  g_clear_pointer (&self->lines, g_array_unref);
  g_clear_pointer (&self->timeline, pathways_timeline_unref);
  if (timeline != NULL)
    {
      self->timeline = pathways_timeline_ref (timeline);
      pathways_timeline_get_range (timeline, &self->frame.first_day, &self->frame.last_day);
      self->frame.today = pathways_timeline_get_today (timeline);
      /* A reload keeps the dates in view where they were */
      if (!first && self->hadjustment != NULL)
        gtk_adjustment_set_value (self->hadjustment, gtk_adjustment_get_value (self->hadjustment) +
                                  ((double) old_first - self->frame.first_day) *
                                  pathways_timeline_zoom_px_per_day (self->frame.zoom));
      else
        self->want_today = TRUE;
    }
  relayout (self);
}

/**
 * pathways_timeline_grid_set_filter:
 * @filter: (nullable): who to show; %NULL: everyone
 */
void
pathways_timeline_grid_set_filter (PathwaysTimelineGrid       *self,
                                   const PathwaysPersonFilter *filter)
{
  g_return_if_fail (PATHWAYS_IS_TIMELINE_GRID (self));

  if (filter != NULL)
    pathways_person_filter_copy (filter, &self->filter);
  else
    pathways_person_filter_clear (&self->filter);
  relayout (self);
}

PathwaysTimelineGroup
pathways_timeline_grid_get_group (PathwaysTimelineGrid *self)
{
  g_return_val_if_fail (PATHWAYS_IS_TIMELINE_GRID (self), PATHWAYS_TIMELINE_GROUP_NONE);
  return self->group;
}

void
pathways_timeline_grid_set_group (PathwaysTimelineGrid  *self,
                                  PathwaysTimelineGroup  group)
{
  g_return_if_fail (PATHWAYS_IS_TIMELINE_GRID (self));

  if (group == self->group)
    return;
  self->group = group;
  relayout (self);
}

const char *
pathways_timeline_grid_get_zoom (PathwaysTimelineGrid *self)
{
  g_return_val_if_fail (PATHWAYS_IS_TIMELINE_GRID (self), NULL);
  return zoom_names[self->frame.zoom];
}

void
pathways_timeline_grid_set_zoom (PathwaysTimelineGrid *self,
                                 const char           *zoom)
{
  g_return_if_fail (PATHWAYS_IS_TIMELINE_GRID (self));

  for (guint i = 0; i < G_N_ELEMENTS (zoom_names); i++)
    if (g_strcmp0 (zoom, zoom_names[i]) == 0)
      {
        set_zoom_index (self, (int) i, -1);
        return;
      }
  g_warning ("Unknown zoom “%s”", zoom);
}

void
pathways_timeline_grid_zoom_in (PathwaysTimelineGrid *self)
{
  g_return_if_fail (PATHWAYS_IS_TIMELINE_GRID (self));
  set_zoom_index (self, (int) self->frame.zoom - 1, -1);
}

void
pathways_timeline_grid_zoom_out (PathwaysTimelineGrid *self)
{
  g_return_if_fail (PATHWAYS_IS_TIMELINE_GRID (self));
  set_zoom_index (self, (int) self->frame.zoom + 1, -1);
}

void
pathways_timeline_grid_scroll_to_today (PathwaysTimelineGrid *self)
{
  g_return_if_fail (PATHWAYS_IS_TIMELINE_GRID (self));

  if (self->hadjustment == NULL || self->frame.width <= 0)
    {
      self->want_today = TRUE;
      return;
    }
  gtk_adjustment_set_value (self->hadjustment,
                            ((double) self->frame.today - self->frame.first_day) *
                            pathways_timeline_zoom_px_per_day (self->frame.zoom) - time_width (self) / 3);
}

guint
pathways_timeline_grid_get_n_people (PathwaysTimelineGrid *self)
{
  g_return_val_if_fail (PATHWAYS_IS_TIMELINE_GRID (self), 0);
  return self->n_people;
}

void
pathways_timeline_grid_get_frame (PathwaysTimelineGrid  *self,
                                  PathwaysTimelineFrame *frame)
{
  g_return_if_fail (PATHWAYS_IS_TIMELINE_GRID (self));
  g_return_if_fail (frame != NULL);

  sync_frame (self);
  *frame = self->frame;
  frame->font = self->font;
  frame->hover_line = -1;
  frame->focus_line = -1;
}

/**
 * pathways_timeline_grid_dup_lines:
 *
 * Returns: (transfer full) (nullable): the lines shown; they borrow from
 * the timeline, so keep a reference to it as long as them
 */
GArray *
pathways_timeline_grid_dup_lines (PathwaysTimelineGrid *self)
{
  g_return_val_if_fail (PATHWAYS_IS_TIMELINE_GRID (self), NULL);
  return self->lines ? g_array_ref (self->lines) : NULL;
}

/**
 * pathways_timeline_grid_describe_focus:
 *
 * Returns: (transfer full) (nullable): the focused row in words
 */
char *
pathways_timeline_grid_describe_focus (PathwaysTimelineGrid *self)
{
  const PathwaysTimelineLine *line;

  g_return_val_if_fail (PATHWAYS_IS_TIMELINE_GRID (self), NULL);

  if (self->lines == NULL || self->focus_line < 0 || (guint) self->focus_line >= self->lines->len)
    return NULL;
  line = &g_array_index (self->lines, PathwaysTimelineLine, self->focus_line);
  if (line->row == NULL)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u young person", "%s: %u young people",
                                         line->n_in_group), line->header, line->n_in_group);
  return pathways_timeline_describe_row (line->row, self->frame.today);
}

gboolean
pathways_timeline_grid_hit_test (PathwaysTimelineGrid *self,
                                 double                x,
                                 double                y,
                                 PathwaysTimelineHit  *hit)
{
  g_return_val_if_fail (PATHWAYS_IS_TIMELINE_GRID (self), FALSE);

  sync_frame (self);
  return pathways_timeline_hit_test (&self->frame, self->lines, x, y, hit);
}

/**
 * pathways_timeline_grid_click:
 *
 * What a click at (@x, @y) does: on a young person's row (name, bar or
 * mark), opens them.
 *
 * Returns: whether someone was opened
 */
gboolean
pathways_timeline_grid_click (PathwaysTimelineGrid *self,
                              double                x,
                              double                y)
{
  PathwaysTimelineHit hit;

  g_return_val_if_fail (PATHWAYS_IS_TIMELINE_GRID (self), FALSE);

  if (!pathways_timeline_grid_hit_test (self, x, y, &hit) || hit.line < 0)
    return FALSE;
  self->focus_line = hit.line;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (hit.kind == PATHWAYS_TIMELINE_HIT_HEADER)
    return FALSE;
  return activate_line (self, hit.line);
}

/**
 * pathways_timeline_grid_locate_person:
 * @x: (out): where the young person's current (or last) bar is
 * @y: (out):
 *
 * Scrolls the young person's row and bar into view.
 *
 * Returns: %FALSE if they are not shown or have no bar
 */
gboolean
pathways_timeline_grid_locate_person (PathwaysTimelineGrid *self,
                                      gint64                person_id,
                                      double               *x,
                                      double               *y)
{
  const PathwaysTimelineRow *row = NULL;
  const PathwaysTimelineSpan *span = NULL;
  guint line;
  double left;

  g_return_val_if_fail (PATHWAYS_IS_TIMELINE_GRID (self), FALSE);

  for (line = 0; self->lines != NULL && line < self->lines->len; line++)
    {
      row = g_array_index (self->lines, PathwaysTimelineLine, line).row;
      if (row != NULL && row->id == person_id)
        break;
    }
  if (self->lines == NULL || line >= self->lines->len || row->spans->len == 0)
    return FALSE;
  for (guint i = 0; i < row->spans->len; i++)
    {
      const PathwaysTimelineSpan *s = &g_array_index (row->spans, PathwaysTimelineSpan, i);
      if (!s->planned)
        span = s;
    }
  if (span == NULL)
    span = &g_array_index (row->spans, PathwaysTimelineSpan, 0);

  set_focus_line (self, (int) line);
  /* The bar's start, a little in */
  left = ((double) span->start - self->frame.first_day) * pathways_timeline_zoom_px_per_day (self->frame.zoom);
  gtk_adjustment_set_value (self->hadjustment, left - 40);
  sync_frame (self);
  *x = pathways_timeline_frame_day_to_x (&self->frame, span->start) + 3;
  *y = self->frame.header_height + line * self->frame.row_height - self->frame.scroll_y +
       self->frame.row_height / 2;
  return TRUE;
}

void
pathways_timeline_grid_get_last_frame_stats (PathwaysTimelineGrid        *self,
                                             PathwaysTimelineRenderStats *stats)
{
  g_return_if_fail (PATHWAYS_IS_TIMELINE_GRID (self));
  *stats = self->stats;
}

/* The young person on a line; 0 for a header */
gint64
pathways_timeline_grid_get_line_person (PathwaysTimelineGrid *self,
                                        guint                 line)
{
  const PathwaysTimelineRow *row;

  g_return_val_if_fail (PATHWAYS_IS_TIMELINE_GRID (self), 0);

  if (self->lines == NULL || line >= self->lines->len)
    return 0;
  row = g_array_index (self->lines, PathwaysTimelineLine, line).row;
  return row ? row->id : 0;
}
