//! Painted widgets: mood meter, countdown bar, the waterfall and the standards chart.
//! Each paints from plain values and gives AccessKit a readable label.

use super::theme::{Palette, Sizes};
use crate::model::{Lang, Waterfall};
use egui::{
    Align2, Color32, FontId, Rect, Role, Sense, Stroke, StrokeKind, Ui, Vec2, WidgetInfo, pos2,
    vec2,
};

/// Blend bad → good by `t` in 0–1.
fn blend(p: &Palette, t: f32) -> Color32 {
    let t = t.clamp(0.0, 1.0);
    let mix = |a: u8, b: u8| (f32::from(a) + (f32::from(b) - f32::from(a)) * t) as u8;
    Color32::from_rgb(
        mix(p.bad.r(), p.good.r()),
        mix(p.bad.g(), p.good.g()),
        mix(p.bad.b(), p.good.b()),
    )
}

/// A labelled horizontal bar: `frac` of it filled with `fill`, the label painted on top.
fn bar(ui: &mut Ui, text: &str, frac: f32, fill: Color32, width: f32, s: Sizes, p: &Palette) {
    let h = s.body * 1.6;
    let (rect, resp) = ui.allocate_exact_size(vec2(width, h), Sense::hover());
    resp.widget_info(|| WidgetInfo::labeled(Role::ProgressIndicator, true, text));
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 6.0, ui.visuals().extreme_bg_color);
    let filled = Rect::from_min_size(
        rect.min,
        vec2(rect.width() * frac.clamp(0.0, 1.0), rect.height()),
    );
    painter.rect_filled(filled, 6.0, fill);
    painter.rect_stroke(rect, 6.0, Stroke::new(2.0, p.text), StrokeKind::Inside);
    painter.text(
        rect.left_center() + vec2(10.0, 0.0),
        Align2::LEFT_CENTER,
        text,
        FontId::proportional(s.body),
        p.text,
    );
}

/// A horizontal meter with a label, a value 0–100 and colour from bad to good.
pub fn meter(ui: &mut Ui, label: &str, value: f32, width: f32, s: Sizes, p: &Palette) {
    let frac = value / 100.0;
    bar(
        ui,
        &format!("{label} {value:.0}/100"),
        frac,
        blend(p, frac),
        width,
        s,
        p,
    );
}

/// A running or paused countdown.
#[derive(Clone, Copy, Debug)]
pub struct Countdown {
    /// Seconds left.
    pub remaining: f32,
    /// Seconds in all.
    pub total: f32,
    /// Whether the clock is stopped.
    pub paused: bool,
}

/// A countdown bar that turns red as time runs out.
pub fn countdown(ui: &mut Ui, c: Countdown, width: f32, s: Sizes, p: &Palette, lang: Lang) {
    let frac = if c.total > 0.0 {
        c.remaining / c.total
    } else {
        0.0
    };
    let word = match (c.paused, lang) {
        (true, Lang::En) => "paused",
        (true, _) => "已暂停 paused",
        (false, Lang::En) => "time left",
        (false, _) => "剩余时间",
    };
    let fill = if c.paused {
        p.accent
    } else {
        blend(p, frac * 1.5 - 0.25)
    };
    bar(
        ui,
        &format!("{word} {:.0} s", c.remaining.ceil()),
        frac,
        fill,
        width,
        s,
        p,
    );
}

/// `n` as a whole percentage of `total` (0 when nobody voted).
pub fn share(n: u32, total: u32) -> u32 {
    (100 * n).checked_div(total).unwrap_or(0)
}

/// The customer-service waterfall, top level first, with the customer placed on `at`.
pub fn waterfall(ui: &mut Ui, at: Waterfall, lang: Lang, s: Sizes, p: &Palette) {
    let step_h = s.body * 1.9;
    let width = ui.available_width().min(s.body * 30.0);
    let (rect, resp) = ui.allocate_exact_size(vec2(width, step_h * 6.0), Sense::hover());
    let label = format!(
        "{}: {}",
        if lang == Lang::En {
            "Waterfall"
        } else {
            "服务瀑布"
        },
        at.label().inline(lang)
    );
    resp.widget_info(|| WidgetInfo::labeled(Role::Label, true, &label));
    let painter = ui.painter_at(rect);
    for (i, level) in Waterfall::ALL.iter().enumerate() {
        let indent = i as f32 * width * 0.07;
        let r = Rect::from_min_size(
            pos2(rect.left() + indent, rect.top() + i as f32 * step_h),
            vec2(width - indent, step_h - 4.0),
        );
        let here = *level == at;
        let base = blend(p, 1.0 - i as f32 / 5.0);
        let fill = if here {
            base
        } else {
            base.gamma_multiply(0.35)
        };
        painter.rect_filled(r, 4.0, fill);
        if here {
            painter.rect_stroke(r, 4.0, Stroke::new(4.0, p.text), StrokeKind::Inside);
        }
        let name = level.label().inline(lang);
        let text = if here { format!("→ {name}") } else { name };
        painter.text(
            r.left_center() + vec2(12.0, 0.0),
            Align2::LEFT_CENTER,
            text,
            FontId::proportional(s.body),
            if here { Color32::BLACK } else { p.text },
        );
    }
}

/// Horizontal bars, one per standard: 0–100 with the label and number always visible.
pub fn standard_bars(ui: &mut Ui, rows: &[(String, u8)], s: Sizes, p: &Palette) {
    let row_h = s.body * 1.7;
    let width = ui.available_width();
    let label_w = (width * 0.45).min(s.body * 22.0);
    for (name, pct) in rows {
        let (rect, resp) = ui.allocate_exact_size(Vec2::new(width, row_h), Sense::hover());
        let text = format!("{name}: {pct}/100");
        resp.widget_info(|| WidgetInfo::labeled(Role::ProgressIndicator, true, &text));
        let painter = ui.painter_at(rect);
        let name_rect = Rect::from_min_size(rect.min, vec2(label_w - 8.0, row_h));
        let galley = painter.layout(
            name.clone(),
            FontId::proportional(s.body * 0.9),
            p.text,
            name_rect.width(),
        );
        painter.galley(
            pos2(name_rect.left(), rect.center().y - galley.size().y / 2.0),
            galley,
            p.text,
        );
        let bar_area = Rect::from_min_max(
            pos2(rect.left() + label_w, rect.top() + 4.0),
            pos2(rect.right() - s.body * 4.0, rect.bottom() - 4.0),
        );
        painter.rect_filled(bar_area, 4.0, ui.visuals().extreme_bg_color);
        let fill = Rect::from_min_size(
            bar_area.min,
            vec2(
                bar_area.width() * f32::from(*pct) / 100.0,
                bar_area.height(),
            ),
        );
        painter.rect_filled(fill, 4.0, blend(p, f32::from(*pct) / 100.0));
        painter.text(
            pos2(rect.right() - 4.0, rect.center().y),
            Align2::RIGHT_CENTER,
            format!("{pct}"),
            FontId::proportional(s.body),
            p.text,
        );
    }
}

/// Counting raised hands for option `i` of a classroom vote: − / number / +, and once revealed,
/// its share of all hands.
pub fn hand_counter(
    ui: &mut Ui,
    v: &super::view::View,
    name: &str,
    tally: &mut [u32],
    i: usize,
    revealed: bool,
) {
    use egui::{Button, RichText};
    let total: u32 = tally.iter().sum();
    let n = &mut tally[i];
    if ui
        .add(Button::new(RichText::new("−").size(v.sizes.body)))
        .on_hover_text(format!("{name} −1"))
        .clicked()
    {
        *n = n.saturating_sub(1);
    }
    let label = ui.label(RichText::new(format!("{name}:")).size(v.sizes.body));
    ui.add(egui::DragValue::new(n).range(0..=999))
        .labelled_by(label.id);
    if ui
        .add(Button::new(RichText::new("+").size(v.sizes.body)))
        .on_hover_text(format!("{name} +1"))
        .clicked()
    {
        *n += 1;
    }
    if revealed {
        let pct = share(*n, total);
        ui.label(
            RichText::new(format!("{pct:>3}%"))
                .size(v.sizes.body)
                .strong()
                .color(v.pal.accent),
        );
    }
}
