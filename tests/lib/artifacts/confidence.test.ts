// Finding confidence: calibrated precision of a kind of finding, shrunk towards its detector and then
// towards the prior for kinds the rated data never showed; the threshold hides doubtful findings.
import { describe, expect, it } from "vitest";
import { calibratedSeverity, calibrationKeys, DEFAULT_MIN_CONFIDENCE, findingConfidence, isShown, scoreBand, type CalibrationCell } from "../../../lib/artifacts/confidence";
import calibration from "../../../lib/artifacts/calibration.json";
import { checkAligned } from "../../../lib/artifacts";

const finding = (detector: string, key: string, score?: number) => ({ detector, message: { key, params: {} }, evidence: score === undefined ? undefined : { score } });
const cell = (n: number, right: number, major = 0, minor = 0): CalibrationCell => ({ n, right, major, minor });

describe("findingConfidence", () => {
  it("is the kind's own rate when it has many findings, its detector's when it has none", () => {
    const cells = { d: cell(100, 10), "d|often": cell(1000, 900), "d|often|none": cell(1000, 900) };
    expect(findingConfidence(finding("d", "often"), cells)).toBeGreaterThan(0.89);
    expect(findingConfidence(finding("d", "never-seen"), cells)).toBeCloseTo((10 + 4 * calibration.unmeasured) / 104, 2);
  });

  it("gives a detector never seen on rated data the prior, and separates score bands", () => {
    expect(findingConfidence(finding("no-such-detector", "x"), {})).toBe(calibration.unmeasured);
    const cells = { d: cell(40, 20), "d|k": cell(40, 20), "d|k|high": cell(20, 19), "d|k|low": cell(20, 1) };
    expect(findingConfidence(finding("d", "k", 0.9), cells)).toBeGreaterThan(0.8);
    expect(findingConfidence(finding("d", "k", 0.1), cells)).toBeLessThan(0.2);
  });

  it("bands scores in thirds and keys kinds by detector, message and band", () => {
    expect([scoreBand(undefined), scoreBand({ score: 0.2 }), scoreBand({ score: 0.5 }), scoreBand({ score: 0.7 })]).toEqual(["none", "low", "mid", "high"]);
    expect(calibrationKeys(finding("d", "k", 0.7))).toEqual(["d", "d|k", "d|k|high"]);
  });

  it("takes the raters' severity only where they judged enough findings of the kind", () => {
    const cells = { "d|k": cell(30, 12, 9, 3), "d|few": cell(30, 3, 2, 1) };
    expect(calibratedSeverity({ detector: "d", message: { key: "k", params: {} }, severity: "minor" }, cells)).toBe("major");
    expect(calibratedSeverity({ detector: "d", message: { key: "few", params: {} }, severity: "minor" }, cells)).toBe("minor");
    expect(calibratedSeverity({ detector: "d", message: { key: "k", params: {} }, severity: "critical" }, cells)).toBe("critical");
  });

  it("is on every finding the detectors make, and the shipped threshold is the calibration's", () => {
    expect(DEFAULT_MIN_CONFIDENCE).toBe(calibration.minConfidence);
    const findings = checkAligned({
      sourceLang: "en", targetLang: "de",
      source: [{ text: "OpenAI trains AI models.", start: 0, end: 24, paragraph: 0 }],
      target: [{ text: "Openai trainiert KI -Modelle.", start: 0, end: 29, paragraph: 0 }],
      links: [{ source: [0], target: [0], confidence: 1 }],
    });
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(f.confidence).toBeGreaterThanOrEqual(0);
      expect(f.confidence).toBeLessThanOrEqual(1);
      expect(isShown(f, 0)).toBe(true);
    }
  });
});
