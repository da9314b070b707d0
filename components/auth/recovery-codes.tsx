/** Recovery codes, shown once right after they are made. */
export function RecoveryCodes({ codes }: Readonly<{ codes: string[] }>) {
  return (
    <div className="space-y-2">
      <p className="text-sm font-semibold">回復コード（この画面でしか表示されません）</p>
      <p className="text-sm text-gray-700">
        スマートフォンをなくしたときなどに、確認コードの代わりに使えます。それぞれ一度だけ使えます。印刷するか、安全な場所に保管してください。
      </p>
      <ul className="grid grid-cols-2 gap-2 rounded-md bg-gray-50 p-3 font-mono text-sm" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
    </div>
  );
}
