"use client";
import { Button } from "./button";

export function PrintButton({ label = "印刷する" }: Readonly<{ label?: string }>) {
  return (
    <Button variant="secondary" onClick={() => window.print()}>
      {label}
    </Button>
  );
}
