// The built-in resonance assessment, as session text: the same parser,
// planner and care checker as every shipped session read it.
#include "stillpoint/resonance.hpp"

namespace stillpoint::heart {
namespace {

// Five paces (kAssessmentPaces), two minutes each, with a minute of free
// breathing between them. Every pace is an invitation; the listener may
// breathe their own way at any moment.
constexpr const char* kAssessmentText = R"(stillpoint: 1
title: Resonance assessment
description: >
  About sixteen minutes. Five slow breathing paces, two minutes each, with
  rests between. With a heart-rate strap on, the heart's response to each
  pace shows which pace suits you best.
defaults:
  pattern: resonance
  tone: pad
  bed: pink
  volumes: {bed: -24}
sections:
  - name: Arriving
    steps:
      - bell: chime
      - say: >
          To begin, notice the room around you, and the support beneath you.
      - pause: 4s
      - say: >
          We will try five slow paces, two minutes each, with a rest between
          them. Follow the tone if it feels right. If a pace feels like too
          much, breathe your own way. It is fine to stop at any time.
      - pause: 4s
  - name: Six and a half
    steps:
      - say: The first pace, six and a half breaths a minute.
      - breathe: {duration: 2m, pace: 6.5}
      - say: Now rest, and breathe however you like.
      - pause: 50s
  - name: Six
    steps:
      - say: The next pace, six breaths a minute.
      - breathe: {duration: 2m, pace: 6}
      - say: Rest again, with the breath at its own pace.
      - pause: 50s
  - name: Five and a half
    steps:
      - say: The third pace, five and a half breaths a minute.
      - breathe:
          duration: 2m
          pace: 5.5
          lines: [{at: exhale, say: You can open your eyes at any time.}]
      - say: Rest, and let the breath find its own way.
      - pause: 50s
  - name: Five
    steps:
      - say: The fourth pace, five breaths a minute. A little slower.
      - breathe: {duration: 2m, pace: 5}
      - say: Rest for a moment. You can open your eyes at any time.
      - pause: 50s
  - name: Four and a half
    steps:
      - say: >
          The last pace, four and a half breaths a minute. If it feels too
          slow, breathe a little faster. That is fine.
      - breathe: {duration: 2m, pace: 4.5}
  - name: Returning
    steps:
      - say: >
          That was the last pace. Let the breath go back to its own rhythm.
          Notice the room again, and the support beneath you.
      - pause: 10s
      - bell: chime
)";

}  // namespace

const std::string& assessmentSessionText() {
    static const std::string text = kAssessmentText;
    return text;
}

}  // namespace stillpoint::heart
