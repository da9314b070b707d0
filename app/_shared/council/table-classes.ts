export { tdClass, thClass } from "@/components/prefecture/table-styles";
export const tableClass = "min-w-full text-sm";
