"use client";
import { useEffect, useId, useRef, useState } from "react";
import { useController, useFormContext } from "react-hook-form";
import type { TItemOf } from "@/lib/questionnaire/definition";
import type { TAnswers, TPartner } from "@/lib/questionnaire/answers";
import { callApi } from "@/lib/http/client";
import { Button } from "@/components/ui/button";
import { fieldId } from "./field-shell";
import { INSTITUTION_KIND_LABELS, type TInstitutionKind } from "@/lib/domain/institution-kinds";

type TDirectoryEntry = { code: string; name: string; municipality: string; kind: TInstitutionKind };

/**
 * Partner institutions: search the roster by name or 医療機関コード (a combobox), or add an
 * institution that is not listed (e.g. in another prefecture) by name only.
 */
export function PartnersInput({
  item,
  name,
  disabled,
}: Readonly<{ item: TItemOf<"partners">; name: string; disabled: boolean }>) {
  const { control } = useFormContext<TAnswers>();
  const { field } = useController({ name, control });
  const partners = Array.isArray(field.value) ? (field.value as TPartner[]) : [];
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<TDirectoryEntry[]>([]);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState<string | null>(null);
  const listId = useId();
  const requestId = useRef(0);
  const full = partners.length >= item.max;

  useEffect(() => {
    const q = query.trim();
    if (q.length < 1) {
      setResults([]);
      return;
    }
    const id = ++requestId.current;
    const timer = setTimeout(async () => {
      const result = await callApi<{ results: TDirectoryEntry[] }>(
        "GET",
        `/api/v1/directory?q=${encodeURIComponent(q)}`,
      );
      if (id !== requestId.current) return;
      if (result.ok) {
        setResults(result.data.results);
        setStatus(
          result.data.results.length === 0
            ? "該当する医療機関が見つかりません。名称だけで追加することもできます。"
            : `${result.data.results.length}件見つかりました`,
        );
      } else {
        setStatus(result.error.message);
      }
      setActive(-1);
    }, 250);
    return () => clearTimeout(timer);
  }, [query]);

  const add = (partner: TPartner) => {
    if (full) return;
    const duplicate = partners.some((p) =>
      partner.code ? p.code === partner.code : !p.code && p.name === partner.name,
    );
    if (!duplicate) field.onChange([...partners, partner]);
    setQuery("");
    setResults([]);
    setStatus(duplicate ? "すでに追加されています。" : `${partner.name} を追加しました。`);
  };
  const remove = (index: number) => field.onChange(partners.filter((_, i) => i !== index));

  return (
    <div className="space-y-3">
      {partners.length > 0 && (
        <ol className="divide-y divide-gray-100 rounded-md border border-gray-200 bg-white text-sm">
          {partners.map((p, i) => (
            <li key={`${p.code ?? ""}-${p.name}`} className="flex items-center justify-between gap-2 px-3 py-2">
              <span>
                {i + 1}. {p.name}
                {p.code ? (
                  <span className="ml-2 text-xs text-gray-500">{p.code}</span>
                ) : (
                  <span className="ml-2 text-xs text-gray-500">（名簿外）</span>
                )}
              </span>
              {!disabled && (
                <Button variant="ghost" size="sm" onClick={() => remove(i)} aria-label={`${p.name} を削除`}>
                  削除
                </Button>
              )}
            </li>
          ))}
        </ol>
      )}
      {!disabled && (
        <div className="relative max-w-xl">
          <input
            id={fieldId(name)}
            type="text"
            role="combobox"
            aria-expanded={results.length > 0}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
            placeholder={full ? `最大${item.max}件まで追加できます` : "医療機関名または医療機関コードで検索"}
            disabled={full}
            className="block w-full rounded-md border-gray-300 shadow-sm focus:border-teal-600 focus:ring-teal-600 disabled:bg-gray-100"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "ArrowDown") {
                e.preventDefault();
                setActive((a) => Math.min(results.length - 1, a + 1));
              } else if (e.key === "ArrowUp") {
                e.preventDefault();
                setActive((a) => Math.max(0, a - 1));
              } else if (e.key === "Enter") {
                e.preventDefault();
                const chosen = results[active];
                if (chosen) add({ code: chosen.code, name: chosen.name });
              } else if (e.key === "Escape") {
                setResults([]);
              }
            }}
          />
          {results.length > 0 && (
            <ul
              id={listId}
              role="listbox"
              className="absolute z-20 mt-1 max-h-72 w-full overflow-auto rounded-md border border-gray-200 bg-white text-sm shadow-lg"
            >
              {results.map((r, i) => (
                <li
                  key={r.code}
                  id={`${listId}-${i}`}
                  role="option"
                  aria-selected={i === active}
                  className={`cursor-pointer px-3 py-2 ${i === active ? "bg-teal-50" : "hover:bg-gray-50"}`}
                  onMouseDown={(e) => {
                    e.preventDefault();
                    add({ code: r.code, name: r.name });
                  }}
                >
                  <span className="font-medium">{r.name}</span>
                  <span className="ml-2 text-xs text-gray-500">
                    {INSTITUTION_KIND_LABELS[r.kind]}・{r.municipality}・{r.code}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <Button
              variant="secondary"
              size="sm"
              disabled={full || query.trim() === ""}
              onClick={() => add({ name: query.trim() })}
            >
              名簿にない医療機関を名称で追加
            </Button>
            <span className="text-xs text-gray-500">
              {partners.length} / {item.max}件
            </span>
          </div>
          <p className="sr-only" aria-live="polite">
            {status}
          </p>
        </div>
      )}
    </div>
  );
}
