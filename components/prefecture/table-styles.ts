export const thClass = "px-3 py-2 text-left font-medium text-gray-600";
export const tdClass = "border-t border-gray-100 px-3 py-2 align-top";
