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
 * On screen it draws with render nodes (pathways-timeline-painter.c:
 * each row's node cached and translated into place, so the GL renderer
 * composites rather than cairo painting); export, printing and the
 * cairo case of the benchmark draw the same frame with cairo
 * (pathways-timeline-render.c), from the same geometry.
 *
 * It is not one image to a screen reader: it is a list, and each line
 * in view (and the focused one) has an accessible child — a list item
 * named in a sentence ("Amara Okafor, 18, Eligible. Registered supported
 * accommodation at Bridgeway since 14/05/2024, …") or a group heading —
 * whose own children are the row's spells, moves, milestones and
 * birthdays, each named too.  The keyboard moves the focus through them:
 * Up and Down between lines, Left and Right between a row's marks in
 * time order, Home and End, Page Up and Page Down, Enter opens the young
 * person.  The focus is a real widget focus, so it is announced.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-timeline-grid"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "pathways-timeline-grid.h"
#include "pathways-timeline-painter.h"

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
  PathwaysTimelinePainter     *painter;
  GHashTable                  *proposals;  /* (nullable) see pathways_timeline_grid_set_proposals() */
  GHashTable                  *cells;      /* line (GUINT_TO_POINTER) → PathwaysTimelineCell*, the lines in view */

  GtkAdjustment               *hadjustment;
  GtkAdjustment               *vadjustment;
  guint                        hscroll_policy : 1;
  guint                        vscroll_policy : 1;
  gboolean                     want_today;  /* scroll to today at the next allocation */

  int                          focus_line;
  int                          focus_item; /* in the focused row's items; -1: the row itself */
  double                       pointer_x;  /* where the pointer last moved; NAN: left */
};

/* An accessible object for a line (a young person's row or a group
 * header) or for one of a row's marks.  The grid draws them; they draw
 * nothing and take no pointer events, but they are focusable, so the
 * keyboard focus — and what a screen reader says — is on what is
 * highlighted. */
#define PATHWAYS_TYPE_TIMELINE_CELL (pathways_timeline_cell_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysTimelineCell, pathways_timeline_cell, PATHWAYS, TIMELINE_CELL, GtkWidget)

struct _PathwaysTimelineCell
{
  GtkWidget             parent_instance;
  PathwaysTimelineGrid *grid;   /* unowned: the grid holds the line cells, each its mark cells */
  guint                 line;
  int                   item;   /* -1: the line itself */
  GArray               *items;  /* a row's marks (PathwaysTimelineItem), on line cells */
};

G_DEFINE_FINAL_TYPE (PathwaysTimelineCell, pathways_timeline_cell, GTK_TYPE_WIDGET)

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

/* The cells */

static void
pathways_timeline_cell_dispose (GObject *object)
{
  PathwaysTimelineCell *self = PATHWAYS_TIMELINE_CELL (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->items, g_array_unref);

  G_OBJECT_CLASS (pathways_timeline_cell_parent_class)->dispose (object);
}

static void
pathways_timeline_cell_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  *minimum = *natural = 0;
}

static void pathways_timeline_cell_size_allocate (GtkWidget *widget,
                                                  int        width,
                                                  int        height,
                                                  int        baseline);

static void
pathways_timeline_cell_class_init (PathwaysTimelineCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathways_timeline_cell_dispose;
  widget_class->measure = pathways_timeline_cell_measure;
  widget_class->size_allocate = pathways_timeline_cell_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "timelinecell");
}

static void
pathways_timeline_cell_init (PathwaysTimelineCell *self)
{
  self->item = -1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

static PathwaysTimelineCell *
cell_new (PathwaysTimelineGrid *grid,
          GtkAccessibleRole     role,
          guint                 line,
          int                   item,
          const char           *label)
{
  PathwaysTimelineCell *cell = g_object_new (PATHWAYS_TYPE_TIMELINE_CELL, "accessible-role", role, NULL);

  cell->grid = grid;
  cell->line = line;
  cell->item = item;
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return cell;
}

/* Helpers */

static const PathwaysTimelineLine *
get_line (PathwaysTimelineGrid *self,
          int                   line)
{
  if (self->lines == NULL || line < 0 || (guint) line >= self->lines->len)
    return NULL;
  return &g_array_index (self->lines, PathwaysTimelineLine, line);
}

static gboolean
focus_is_within (PathwaysTimelineGrid *self)
{
  return (gtk_widget_get_state_flags (GTK_WIDGET (self)) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0;
}

static char *
describe_header (const PathwaysTimelineLine *line)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u young person", "%s: %u young people",
                                       line->n_in_group), line->header, line->n_in_group);
}

/* The line's cell, made (with the cells of its marks) if it has none */
static PathwaysTimelineCell *
ensure_cell (PathwaysTimelineGrid *self,
             guint                 index)
{
  const PathwaysTimelineLine *line = get_line (self, (int) index);
  PathwaysTimelineCell *cell = g_hash_table_lookup (self->cells, GUINT_TO_POINTER (index));
  g_autofree char *label = NULL;

  if (cell != NULL || line == NULL)
    return cell;

  if (line->row == NULL)
    {
      label = describe_header (line);
      cell = cell_new (self, GTK_ACCESSIBLE_ROLE_HEADING, index, -1, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
    }
  else
    {
      label = pathways_timeline_describe_row (line->row, self->frame.today);
      cell = cell_new (self, GTK_ACCESSIBLE_ROLE_LIST_ITEM, index, -1, label);
      cell->items = pathways_timeline_row_items (line->row);
      for (guint i = 0; i < cell->items->len; i++)
        {
          g_autofree char *text = pathways_timeline_describe_item (line->row,
                                                                   &g_array_index (cell->items, PathwaysTimelineItem, i));
          gtk_widget_set_parent (GTK_WIDGET (cell_new (self, GTK_ACCESSIBLE_ROLE_LIST_ITEM, index, (int) i, text)),
                                 GTK_WIDGET (cell));
        }
    }
  gtk_widget_set_parent (GTK_WIDGET (cell), GTK_WIDGET (self));
  g_hash_table_insert (self->cells, GUINT_TO_POINTER (index), cell);
  return cell;
}

static gboolean
cell_unwanted_cb (gpointer key,
                  gpointer value,
                  gpointer user_data)
{
  PathwaysTimelineGrid *self = user_data;
  guint line = GPOINTER_TO_UINT (key);
  guint first, end;

  pathways_timeline_frame_visible_lines (&self->frame, self->lines ? self->lines->len : 0, &first, &end);
  if ((line >= first && line < end) || (int) line == self->focus_line)
    return FALSE;
  gtk_widget_unparent (value);
  return TRUE;
}

/* Cells for the lines in view and the focused one, no others */
static void
update_cells (PathwaysTimelineGrid *self)
{
  guint first = 0, end = 0;

  g_hash_table_foreach_remove (self->cells, cell_unwanted_cb, self);
  if (self->lines != NULL)
    pathways_timeline_frame_visible_lines (&self->frame, self->lines->len, &first, &end);
  for (guint i = first; i < end; i++)
    ensure_cell (self, i);
  if (self->focus_line >= 0)
    ensure_cell (self, (guint) self->focus_line);
}

static gboolean
remove_cell_cb (gpointer key,
                gpointer value,
                gpointer user_data)
{
  gtk_widget_unparent (value);
  return TRUE;
}

static void
clear_cells (PathwaysTimelineGrid *self)
{
  gboolean had_focus = focus_is_within (self) && !gtk_widget_has_focus (GTK_WIDGET (self));

  g_hash_table_foreach_remove (self->cells, remove_cell_cb, NULL);
  /* The focus stays on the timeline */
  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* The marks move inside their rows when the view scrolls sideways or
 * zooms */
static void
queue_cells_allocate (PathwaysTimelineGrid *self)
{
  GHashTableIter iter;
  gpointer cell;

  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, NULL, &cell))
    gtk_widget_queue_allocate (cell);
}

static void
relayout (PathwaysTimelineGrid *self)
{
  guint n = 0;

  clear_cells (self);
  g_clear_pointer (&self->lines, g_array_unref);
  if (self->timeline != NULL)
    self->lines = pathways_timeline_layout (self->timeline, &self->filter, self->group, &n);
  self->focus_line = -1;
  self->focus_item = -1;
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

/* Keeps the day under @anchor_x (in the grid's coordinates) where it is
 * while the zoom changes; an anchor outside the time area means its
 * middle */
static void
set_zoom_index (PathwaysTimelineGrid *self,
                int                   zoom,
                double                anchor_x)
{
  double day, x;

  zoom = CLAMP (zoom, PATHWAYS_TIMELINE_ZOOM_MONTHS, PATHWAYS_TIMELINE_ZOOM_YEARS);
  if ((int) self->frame.zoom == zoom)
    return;

  if (isnan (anchor_x) || anchor_x < self->frame.names_width || anchor_x > self->frame.width)
    anchor_x = self->frame.names_width + time_width (self) / 2;
  sync_frame (self);
  day = pathways_timeline_frame_x_to_day (&self->frame, anchor_x);
  self->frame.zoom = zoom;
  x = (day - self->frame.first_day) * pathways_timeline_zoom_px_per_day (zoom) - (anchor_x - self->frame.names_width);
  /* The new bounds first, then the value within them: an adjustment
   * still bounded for the old zoom would clamp the value */
  configure_adjustments (self, x, self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0);
  if (self->hadjustment != NULL && gtk_adjustment_get_value (self->hadjustment) != x)
    gtk_adjustment_set_value (self->hadjustment, x);
  sync_frame (self);
  queue_cells_allocate (self);
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

/* Brings the focused mark's start into the time area */
static void
scroll_item_into_view (PathwaysTimelineGrid *self)
{
  PathwaysTimelineCell *cell = g_hash_table_lookup (self->cells, GINT_TO_POINTER (self->focus_line));
  const PathwaysTimelineLine *line = get_line (self, self->focus_line);
  PathwaysTimelineRect r;
  double left, right, value;

  if (cell == NULL || line == NULL || line->row == NULL || cell->items == NULL || self->hadjustment == NULL ||
      self->focus_item < 0 || (guint) self->focus_item >= cell->items->len)
    return;
  sync_frame (self);
  if (!pathways_timeline_item_rect (&self->frame, (guint) self->focus_line, line->row,
                                    &g_array_index (cell->items, PathwaysTimelineItem, self->focus_item), &r))
    return;
  left = self->frame.names_width + 24;
  right = self->frame.width - 24;
  value = gtk_adjustment_get_value (self->hadjustment);
  if (r.x < left)
    gtk_adjustment_set_value (self->hadjustment, value - (left - r.x));
  else if (r.x + MIN (r.width, (right - left) / 2) > right)
    gtk_adjustment_set_value (self->hadjustment, value + (r.x + MIN (r.width, (right - left) / 2) - right));
}

/* Moves the focus to a line and one of its marks (@item -1: the line),
 * scrolling them into view; the keyboard focus follows when it is in
 * the timeline (or @grab) */
static void
set_focus (PathwaysTimelineGrid *self,
           int                   line,
           int                   item,
           gboolean              grab)
{
  PathwaysTimelineCell *cell;
  GtkWidget *target;
  double top, value;

  if (self->lines == NULL || self->lines->len == 0)
    return;
  grab = grab || focus_is_within (self);
  line = CLAMP (line, 0, (int) self->lines->len - 1);
  self->focus_line = line;
  cell = ensure_cell (self, (guint) line);
  if (cell == NULL || cell->items == NULL || cell->items->len == 0)
    item = -1;
  else
    item = CLAMP (item, -1, (int) cell->items->len - 1);
  self->focus_item = item;

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
  scroll_item_into_view (self);

  target = GTK_WIDGET (cell);
  if (item >= 0)
    {
      target = gtk_widget_get_first_child (GTK_WIDGET (cell));
      for (int i = 0; i < item && target != NULL; i++)
        target = gtk_widget_get_next_sibling (target);
    }
  if (grab && target != NULL)
    gtk_widget_grab_focus (target);
  update_accessible (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
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
  if (adjustment == self->hadjustment)
    queue_cells_allocate (self);
  /* Other lines come into view: their cells are made when allocating */
  gtk_widget_queue_allocate (GTK_WIDGET (self));
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

  self->pointer_x = x;
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
  self->pointer_x = NAN;
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
  if (!focus_is_within (self))
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
  double x;
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if ((state & GDK_CONTROL_MASK) == 0 || dy == 0)
    return FALSE;
  /* A scroll event has no position of its own (it is NaN on X11, which
   * made the zoom jump years away): the pointer is where it last moved */
  x = self->pointer_x;
  pathways_timeline_grid_zoom_at (self, dy > 0 ? 1 : -1, x);
  return TRUE;
}

/* The moves of "grid.move-focus" */
enum {
  MOVE_PAGE = 2,
  MOVE_FIRST = G_MININT32 + 1,
  MOVE_LAST = G_MAXINT32,
};

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
  if (delta == MOVE_FIRST)
    line = 0;
  else if (delta == MOVE_LAST)
    line = (int) self->lines->len - 1;
  else if (delta == MOVE_PAGE || delta == -MOVE_PAGE)
    line = MAX (line, 0) + (delta > 0 ? page : -page);
  else
    line = line < 0 ? 0 : line + delta;
  set_focus (self, line, -1, TRUE);
}

/* Left and Right: the row's marks in time order, the row itself before
 * the first */
static void
move_item (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  PathwaysTimelineGrid *self = PATHWAYS_TIMELINE_GRID (widget);
  int delta = g_variant_get_int32 (parameter);

  if (self->lines == NULL || self->lines->len == 0)
    return;
  if (self->focus_line < 0)
    {
      set_focus (self, 0, -1, TRUE);
      return;
    }
  set_focus (self, self->focus_line, MAX (self->focus_item + delta, -1), TRUE);
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

  /* The accessible cells: one per line in view, where it is drawn */
  sync_frame (self);
  update_cells (self);
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, self->cells);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        double top = pathways_timeline_frame_line_y (&self->frame, GPOINTER_TO_UINT (key));
        int min, nat;

        gtk_widget_measure (value, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
        gtk_widget_size_allocate (value, &(GtkAllocation) { 0, (int) floor (top), width,
                                                             (int) self->frame.row_height }, -1);
      }
  }
}

/* A line's cell places its marks' cells where they are drawn */
static void
pathways_timeline_cell_size_allocate (GtkWidget *widget,
                                      int        width,
                                      int        height,
                                      int        baseline)
{
  PathwaysTimelineCell *self = PATHWAYS_TIMELINE_CELL (widget);
  PathwaysTimelineGrid *grid = self->grid;
  const PathwaysTimelineLine *line = get_line (grid, (int) self->line);
  double top;
  guint i = 0;

  if (self->items == NULL || line == NULL || line->row == NULL)
    return;
  top = pathways_timeline_frame_line_y (&grid->frame, self->line);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child), i++)
    {
      PathwaysTimelineRect r = { 0, 0, 1, 1 };
      int min, nat;

      if (i < self->items->len)
        pathways_timeline_item_rect (&grid->frame, self->line, line->row,
                                     &g_array_index (self->items, PathwaysTimelineItem, i), &r);
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      /* Within reason: a bar may be years long, off either side */
      r.x = CLAMP (r.x, -100000, 100000);
      r.width = CLAMP (r.width, 1, 200000);
      gtk_widget_size_allocate (child, &(GtkAllocation) { (int) floor (r.x), (int) floor (r.y - top),
                                                          (int) ceil (r.width), (int) ceil (r.height) }, -1);
    }
}

static void
pathways_timeline_grid_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  PathwaysTimelineGrid *self = PATHWAYS_TIMELINE_GRID (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  guint serial;

  if (width <= 0 || height <= 0)
    return;

  sync_frame (self);
  self->frame.width = width;
  self->frame.height = height;
  self->frame.font = self->font;
  self->frame.focus_line = focus_is_within (self) ? self->focus_line : -1;
  self->frame.focus_item = self->focus_item;

  /* Render nodes: only the rows in view, each row's node cached */
  if (self->painter == NULL)
    {
      self->painter = pathways_timeline_painter_new (gtk_widget_get_pango_context (widget));
      pathways_timeline_painter_set_proposals (self->painter, self->proposals);
    }
  serial = self->stats.serial;
  pathways_timeline_painter_snapshot (self->painter, snapshot, &self->frame, self->lines, &self->stats);
  self->stats.serial = serial + 1;
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

/* Tab comes in to the focused line (or the first in view) and goes
 * straight out again: the arrows move inside */
static gboolean
pathways_timeline_grid_focus (GtkWidget        *widget,
                              GtkDirectionType  direction)
{
  PathwaysTimelineGrid *self = PATHWAYS_TIMELINE_GRID (widget);

  if (focus_is_within (self))
    return FALSE;
  if (self->lines == NULL || self->lines->len == 0)
    {
      gtk_widget_grab_focus (widget);
      return TRUE;
    }
  if (self->focus_line < 0)
    set_focus (self, (int) floor (self->frame.scroll_y / self->frame.row_height), -1, TRUE);
  else
    set_focus (self, self->focus_line, self->focus_item, TRUE);
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
  if (self->cells != NULL)
    g_hash_table_foreach_remove (self->cells, remove_cell_cb, NULL);
  g_clear_pointer (&self->painter, pathways_timeline_painter_free);
  g_clear_pointer (&self->proposals, g_hash_table_unref);
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
  g_clear_pointer (&self->cells, g_hash_table_unref);

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
  gtk_widget_class_install_action (widget_class, "grid.move-item", "i", move_item);
  gtk_widget_class_install_action (widget_class, "grid.activate", NULL, activate_focus);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "grid.move-focus", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, 0, "grid.move-focus", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "grid.move-focus", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, 0, "grid.move-focus", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "grid.move-focus", "i", -MOVE_PAGE);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "grid.move-focus", "i", MOVE_PAGE);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "grid.move-focus", "i", MOVE_FIRST);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "grid.move-focus", "i", MOVE_LAST);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_CONTROL_MASK, "grid.move-focus", "i",
                                       MOVE_FIRST);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, GDK_CONTROL_MASK, "grid.move-focus", "i",
                                       MOVE_LAST);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "grid.move-item", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, 0, "grid.move-item", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "grid.move-item", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, 0, "grid.move-item", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "grid.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "grid.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "grid.activate", NULL);

  gtk_widget_class_set_css_name (widget_class, "timelinegrid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST);
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
  self->focus_item = -1;
  self->pointer_x = NAN;
  self->want_today = TRUE;
  self->cells = g_hash_table_new (g_direct_hash, g_direct_equal);

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
                                  _("Each young person’s accommodation over time. Up and Down go through the young people, Left and Right through their accommodation, moves, milestones and birthdays, and Enter opens one."),
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
  clear_cells (self);
  g_clear_pointer (&self->lines, g_array_unref);
  g_clear_pointer (&self->timeline, pathways_timeline_unref);
  /* The cached nodes are of the old rows */
  if (self->painter != NULL)
    pathways_timeline_painter_reset (self->painter);
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
    return describe_header (line);
  if (self->focus_item >= 0)
    {
      g_autoptr(GArray) items = pathways_timeline_row_items (line->row);

      if ((guint) self->focus_item < items->len)
        return pathways_timeline_describe_item (line->row, &g_array_index (items, PathwaysTimelineItem,
                                                                          self->focus_item));
    }
  return pathways_timeline_describe_row (line->row, self->frame.today);
}

/**
 * pathways_timeline_grid_get_focus:
 * @item: (out) (optional): the focused mark in the row's items
 *   (pathways_timeline_row_items()), -1 for the row itself
 *
 * Returns: the focused line, -1 for none
 */
int
pathways_timeline_grid_get_focus (PathwaysTimelineGrid *self,
                                  int                  *item)
{
  g_return_val_if_fail (PATHWAYS_IS_TIMELINE_GRID (self), -1);

  if (item != NULL)
    *item = self->focus_line >= 0 ? self->focus_item : -1;
  return self->focus_line;
}

/**
 * pathways_timeline_grid_zoom_at:
 * @steps: +1 to zoom out a level, -1 to zoom in
 * @x: where the pointer is, in the grid's coordinates: the day under it
 *   stays under it (outside the time area: the middle of it)
 *
 * What Ctrl+scroll does.
 */
void
pathways_timeline_grid_zoom_at (PathwaysTimelineGrid *self,
                                int                   steps,
                                double                x)
{
  g_return_if_fail (PATHWAYS_IS_TIMELINE_GRID (self));
  set_zoom_index (self, (int) self->frame.zoom + steps, x);
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
  set_focus (self, hit.line, -1, FALSE);
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

  set_focus (self, (int) line, -1, FALSE);
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

/**
 * pathways_timeline_grid_set_proposals:
 * @proposals: (nullable): young person's id (gint64*) → PathwaysTimelineProposal*
 *
 * The service plan's proposals, drawn as dashed outlines.
 */
void
pathways_timeline_grid_set_proposals (PathwaysTimelineGrid *self,
                                      GHashTable           *proposals)
{
  g_return_if_fail (PATHWAYS_IS_TIMELINE_GRID (self));

  if (proposals != NULL)
    g_hash_table_ref (proposals);
  g_clear_pointer (&self->proposals, g_hash_table_unref);
  self->proposals = proposals;
  if (self->painter != NULL)
    pathways_timeline_painter_set_proposals (self->painter, proposals);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
