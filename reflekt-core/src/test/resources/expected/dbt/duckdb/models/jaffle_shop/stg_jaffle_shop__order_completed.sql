{{
  config(
    materialized = 'view'
  )
}}

with

source as (
    select *
    from {{ source('jaffle_shop', 'order_completed') }}
),

renamed as (
    select
        cast(id as varchar) as event_id,
        cast(event_text as varchar) as event_name,
        cast(original_timestamp as timestamp) as original_tstamp,
        cast(sent_at as timestamp) as sent_at_tstamp,
        cast(received_at as timestamp) as received_at_tstamp,
        cast(timestamp as timestamp) as tstamp,
        cast(anonymous_id as varchar) as anonymous_id,
        cast(user_id as varchar) as user_id,
        cast(context_library_name as varchar) as library_name,
        cast(context_library_version as varchar) as library_version,
        cast(order_id as varchar) as order_id,
        cast(revenue as double) as revenue,
        cast(currency as varchar) as currency,
        cast(products as json) as products,
        cast('track' as varchar) as call_type,
        cast('jaffle_shop' as varchar) as source_schema,
        cast('order_completed' as varchar) as source_table,
        cast('jaffle_shop/Order_Completed/1-0.json' as varchar) as schema_id,
        cast('{"code_owner": "checkout", "product_owner": "checkout"}' as varchar) as schema_metadata
    from source
)

select * from renamed
