// The record limit's refusal: the English sentence the API returns is the English message word for
// word, and the Chinese page shows the same figures in Chinese.
import { describe, expect, it } from "vitest";
import { IntlMessageFormat } from "intl-messageformat";
import en from "../../messages/en.json";
import zh from "../../messages/zh.json";
import { POOL_RECORD_LIMIT, recordLimitRefusal } from "./pool-effects";

describe("the pool record-limit refusal", () => {
  it("is the English message word for word, and Chinese under /zh with the figures as printed", () => {
    const { refused, refusal } = recordLimitRefusal(12034, POOL_RECORD_LIMIT);
    expect(refusal).toEqual({ code: "recordLimit", values: { matching: "12034", limit: "5000" } });
    expect(new IntlMessageFormat(en.pool.refusal[refusal.code], "en").format(refusal.values)).toBe(refused);
    expect(new IntlMessageFormat(zh.pool.refusal[refusal.code], "zh").format(refusal.values)).toBe(
      "有 12034 条记录符合这些筛选条件，超过单个合并视图可读取的 5000 条：请选择一个终点、一个效应指标和一个比较（或减少研究），再进行合并。",
    );
  });
});
