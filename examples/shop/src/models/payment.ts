export interface PaymentDetails {
  cardNumber: string;
  cvv: string;
  expiryMonth: number;
  billingAddress: string;
}
