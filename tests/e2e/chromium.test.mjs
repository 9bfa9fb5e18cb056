// The shared end-to-end scenarios (scenarios.mjs) in Chromium, the engine the
// other files here use: the same steps and assertions as firefox.test.mjs, so
// a difference between the engines shows as a failure in one of the two.

import { defineScenarios } from './scenarios.mjs';

defineScenarios('chromium');
